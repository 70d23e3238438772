package dev.sluice.sql.source;

import static java.util.Objects.requireNonNull;

/** A result column: its label and the engine's type name. */
public record ColumnMeta(String name, String type) {
    public ColumnMeta {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
