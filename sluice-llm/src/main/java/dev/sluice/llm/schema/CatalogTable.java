package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import dev.sluice.sql.source.TableRef;
import java.util.List;
import java.util.Locale;

/**
 * A table or view in a {@link SchemaCatalog}.
 *
 * @param source the Sluice source it belongs to
 * @param catalog the engine catalog, or null
 * @param schema the schema (a database, for engines that call it so), or null
 * @param name the table name
 * @param comment the table comment, or null
 * @param rowEstimate the engine's row estimate, or null
 * @param columns the columns in table order
 * @param foreignKeys declared foreign keys (empty when the source does not expose them)
 */
public record CatalogTable(String source, String catalog, String schema, String name, String comment,
        Long rowEstimate, List<CatalogColumn> columns, List<ForeignKey> foreignKeys) {
    public CatalogTable {
        requireNonNull(source, "source is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
    }

    /** The engine reference: catalog, schema and name. */
    public TableRef ref() {
        return new TableRef(catalog, schema, name);
    }

    /** Dotted and unquoted, as tools show it: {@code catalog.schema.name} without the absent parts. */
    public String qualifiedName() {
        return ref().display();
    }

    /** {@link #qualifiedName()} lower-cased: the key tables are looked up by. */
    public String key() {
        return qualifiedName().toLowerCase(Locale.ROOT);
    }
}
