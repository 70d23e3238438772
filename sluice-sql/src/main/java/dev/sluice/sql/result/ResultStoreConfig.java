package dev.sluice.sql.result;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits of a {@link ResultStore}.
 *
 * @param spillDirectory where results past the threshold are written, one file each; created on
 *     the first spill
 * @param memoryBudgetBytes RAM for all results together; a result that cannot get more moves to disk
 * @param spillThresholdBytes one result moves to disk once its encoded bytes would pass this
 * @param maxResultBytes a result is cut (marked truncated) once its encoded bytes would pass this
 * @param maxAge a result is dropped this long after it was begun
 * @param maxResults results kept at once; beginning another evicts the oldest finished one
 */
public record ResultStoreConfig(Path spillDirectory, long memoryBudgetBytes, long spillThresholdBytes,
        long maxResultBytes, Duration maxAge, int maxResults) {

    public static final long DEFAULT_MEMORY_BUDGET_BYTES = 64L << 20;
    public static final long DEFAULT_SPILL_THRESHOLD_BYTES = 8L << 20;
    public static final long DEFAULT_MAX_RESULT_BYTES = 1L << 30;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);
    public static final int DEFAULT_MAX_RESULTS = 1000;

    public ResultStoreConfig {
        requireNonNull(spillDirectory, "spillDirectory is null");
        requireNonNull(maxAge, "maxAge is null");
        if (memoryBudgetBytes < 0) {
            throw new IllegalArgumentException("memory_budget_bytes must be 0 or more, got " + memoryBudgetBytes);
        }
        if (spillThresholdBytes < 0) {
            throw new IllegalArgumentException("spill_threshold_bytes must be 0 or more, got " + spillThresholdBytes);
        }
        if (maxResultBytes < 1) {
            throw new IllegalArgumentException("max_result_bytes must be at least 1, got " + maxResultBytes);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max_age must be positive, got " + maxAge);
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("max_results must be at least 1, got " + maxResults);
        }
    }

    /** 64 MiB in RAM for all results, 8 MiB per result before it spills, 1 GiB per result, 1 hour, 1000 results. */
    public static ResultStoreConfig defaults(Path spillDirectory) {
        return new ResultStoreConfig(spillDirectory, DEFAULT_MEMORY_BUDGET_BYTES, DEFAULT_SPILL_THRESHOLD_BYTES,
                DEFAULT_MAX_RESULT_BYTES, DEFAULT_MAX_AGE, DEFAULT_MAX_RESULTS);
    }
}
