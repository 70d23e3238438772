package dev.sluice.sql.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A declared foreign key of a table.
 *
 * @param columns the referencing columns, in key order
 * @param referencedTable the referenced table, qualified as the source lists it
 * @param referencedColumns the referenced columns, in key order
 */
public record ForeignKeyInfo(List<String> columns, TableRef referencedTable, List<String> referencedColumns) {
    public ForeignKeyInfo {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(referencedTable, "referencedTable is null");
        referencedColumns = List.copyOf(requireNonNull(referencedColumns, "referencedColumns is null"));
    }
}
