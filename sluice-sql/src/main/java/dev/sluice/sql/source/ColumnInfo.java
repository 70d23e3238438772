package dev.sluice.sql.source;

import static java.util.Objects.requireNonNull;

/** A table column as {@code describe_table} reports it. */
public record ColumnInfo(String name, String type, boolean nullable, String comment) {
    public ColumnInfo {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
