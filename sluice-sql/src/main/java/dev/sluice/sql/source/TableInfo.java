package dev.sluice.sql.source;

import static java.util.Objects.requireNonNull;

/** A table or view as {@code list_tables} reports it; {@code rowEstimate} may be null. */
public record TableInfo(TableRef ref, String type, Long rowEstimate, String comment) {
    public TableInfo {
        requireNonNull(ref, "ref is null");
        requireNonNull(type, "type is null");
    }
}
