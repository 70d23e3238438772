package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A foreign key of a {@link CatalogTable}.
 *
 * @param columns the referencing columns
 * @param referencedTable the referenced table, qualified like {@link CatalogTable#qualifiedName()}
 * @param referencedColumns the referenced columns (empty when the source does not say)
 */
public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {
    public ForeignKey {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(referencedTable, "referencedTable is null");
        referencedColumns = List.copyOf(requireNonNull(referencedColumns, "referencedColumns is null"));
    }
}
