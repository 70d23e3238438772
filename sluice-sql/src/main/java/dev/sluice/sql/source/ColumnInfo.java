package dev.sluice.sql.source;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table column as {@code describe_table} reports it.
 *
 * @param values every value the column may hold, in the engine's order, when its type declares them
 *     (PostgreSQL enum labels); empty otherwise
 */
public record ColumnInfo(String name, String type, boolean nullable, String comment, List<String> values) {
    public ColumnInfo {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
    }

    /** A column whose type declares no values. */
    public ColumnInfo(String name, String type, boolean nullable, String comment) {
        this(name, type, nullable, comment, List.of());
    }
}
