package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A column of a {@link CatalogTable}.
 *
 * @param name the column name as the engine spells it
 * @param type the engine's type name
 * @param comment the column comment, or null
 * @param sampleValues a few distinct values of a low-cardinality text column; empty otherwise
 * @param primaryKey whether the column is part of the table's primary key (false when unknown)
 */
public record CatalogColumn(String name, String type, String comment, List<String> sampleValues, boolean primaryKey) {
    public CatalogColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        sampleValues = List.copyOf(requireNonNull(sampleValues, "sampleValues is null"));
    }

    /** A column with no comment, no sample values and no key. */
    public static CatalogColumn of(String name, String type) {
        return new CatalogColumn(name, type, null, List.of(), false);
    }
}
