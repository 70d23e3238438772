package dev.sluice.sql.source;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Settings every source kind shares.
 *
 * @param maxRows        rows per response (a request's {@code max_rows} may lower it)
 * @param maxConcurrentQueriesPerPrincipal queries one principal may run at once on this source
 * @param allowTables    table patterns that may be read (empty: all); matched on the display name
 * @param denyTables     table patterns that may never be read
 * @param masks          column name (or table.column) → masking rule: {@code redact} or {@code hash}
 */
public record SourceSettings(boolean isDefault, boolean allowWrites, int maxRows, Duration timeout,
                             int maxConcurrentQueries, int maxConcurrentQueriesPerPrincipal, List<String> allowTables,
                             List<String> denyTables, Map<String, String> masks) {
    public SourceSettings {
        requireNonNull(timeout, "timeout is null");
        allowTables = List.copyOf(allowTables);
        denyTables = List.copyOf(denyTables);
        masks = Map.copyOf(masks);
    }

    public static final int DEFAULT_MAX_ROWS = 1000;
    public static final int MAX_MAX_ROWS = 10_000;

    public static SourceSettings defaults() {
        return new SourceSettings(false, false, DEFAULT_MAX_ROWS, Duration.ofSeconds(30), 8, 4,
                List.of(), List.of(), Map.of());
    }

    /** Reads the keys every kind shares: default, allow_writes, max_rows, max_result_bytes, timeout, policy. */
    public static SourceSettings read(dev.sluice.core.config.ConfigNode node) {
        SourceSettings d = defaults();
        dev.sluice.core.config.ConfigNode policy = node.child("policy");
        SourceSettings s = new SourceSettings(
                node.bool("default", false),
                node.bool("allow_writes", false),
                node.integer("max_rows", d.maxRows(), 1, MAX_MAX_ROWS),
                node.duration("timeout", d.timeout()),
                node.integer("max_concurrent_queries", d.maxConcurrentQueries(), 1, 1000),
                node.integer("max_concurrent_queries_per_principal", d.maxConcurrentQueriesPerPrincipal(), 1, 1000),
                policy.strings("allow_tables"),
                policy.strings("deny_tables"),
                policy.stringMap("mask_columns"));
        for (Map.Entry<String, String> mask : s.masks().entrySet()) {
            if (!mask.getValue().equals("redact") && !mask.getValue().equals("hash")) {
                throw policy.error("mask_columns." + mask.getKey(), "must be redact or hash, got '" + mask.getValue() + "'");
            }
        }
        if (s.timeout().isZero() || s.timeout().isNegative() || s.timeout().compareTo(Duration.ofHours(6)) > 0) {
            throw node.error("timeout", "must be between 1 ms and 6 h, got " + s.timeout());
        }
        policy.rejectUnknownKeys();
        return s;
    }
}
