package dev.sluice.sql.source;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What {@code describe_table} shows: the table, its columns, and a few sample rows; and, from sources
 * that declare {@link Capability#KEYS}, its primary key columns and foreign keys (empty otherwise).
 */
public record TableDetail(TableInfo table, List<ColumnInfo> columns, List<ObjectNode> sampleRows, List<String> primaryKey,
                          List<ForeignKeyInfo> foreignKeys) {
    public TableDetail {
        requireNonNull(table, "table is null");
        columns = List.copyOf(columns);
        sampleRows = List.copyOf(sampleRows);
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
    }

    /** A table whose keys the source does not report. */
    public TableDetail(TableInfo table, List<ColumnInfo> columns, List<ObjectNode> sampleRows) {
        this(table, columns, sampleRows, List.of(), List.of());
    }
}
