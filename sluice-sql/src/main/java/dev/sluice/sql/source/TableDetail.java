package dev.sluice.sql.source;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What {@code describe_table} shows: the table, its columns, and a few sample rows. */
public record TableDetail(TableInfo table, List<ColumnInfo> columns, List<ObjectNode> sampleRows) {
    public TableDetail {
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
        sampleRows = List.copyOf(sampleRows);
    }
}
