package dev.sluice.sql.source;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Settings every source kind shares.
 *
 * @param maxRows        rows per response (a request's {@code max_rows} may lower it)
 * @param maxResultBytes bytes a whole result may take in the result store
 * @param allowTables    table patterns that may be read (empty: all); matched on the display name
 * @param denyTables     table patterns that may never be read
 * @param masks          column name (or table.column) → masking rule: {@code redact} or {@code hash}
 */
public record SourceSettings(boolean isDefault, boolean allowWrites, int maxRows, long maxResultBytes, Duration timeout,
                             int maxConcurrentQueries, List<String> allowTables, List<String> denyTables,
                             Map<String, String> masks) {
    public SourceSettings {
        requireNonNull(timeout, "timeout is null");
        allowTables = List.copyOf(allowTables);
        denyTables = List.copyOf(denyTables);
        masks = Map.copyOf(masks);
    }
}
