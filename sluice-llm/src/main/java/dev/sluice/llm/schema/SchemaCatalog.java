package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the tables of one or more sources, taken at {@link #takenAt()}.
 * {@link #complete()} is false when the reader ran out of time and some tables carry only their name.
 * Table keys ({@link CatalogTable#key()}) are unique: a later table with the same key is dropped.
 */
public final class SchemaCatalog {
    private final List<CatalogTable> tables;
    private final Map<String, CatalogTable> byKey;
    private final Instant takenAt;
    private final boolean complete;

    private SchemaCatalog(List<CatalogTable> tables, Instant takenAt, boolean complete) {
        Map<String, CatalogTable> keyed = new LinkedHashMap<>();
        for (CatalogTable t : requireNonNull(tables, "tables is null")) {
            keyed.putIfAbsent(t.key(), requireNonNull(t, "a table is null"));
        }
        this.tables = List.copyOf(keyed.values());
        this.byKey = new HashMap<>(keyed);
        this.takenAt = requireNonNull(takenAt, "takenAt is null");
        this.complete = complete;
    }

    /** A complete snapshot of {@code tables}. */
    public static SchemaCatalog of(List<CatalogTable> tables, Instant takenAt) {
        return new SchemaCatalog(tables, takenAt, true);
    }

    /** A snapshot that may lack columns of some tables. */
    public static SchemaCatalog of(List<CatalogTable> tables, Instant takenAt, boolean complete) {
        return new SchemaCatalog(tables, takenAt, complete);
    }

    public List<CatalogTable> tables() {
        return tables;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public boolean complete() {
        return complete;
    }

    public int size() {
        return tables.size();
    }

    /** The table with this qualified name (case-insensitive). */
    public Optional<CatalogTable> table(String qualifiedName) {
        return Optional.ofNullable(byKey.get(qualifiedName.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "SchemaCatalog[" + tables.size() + " tables, taken at " + takenAt + (complete ? "" : ", incomplete") + "]";
    }
}
