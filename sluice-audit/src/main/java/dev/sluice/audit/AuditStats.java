package dev.sluice.audit;

import java.time.Instant;

/**
 * Counters of a store's writer since it opened: records made durable, transactions committed
 * (group commit puts many records in one), batches that failed, the largest batch, and when the
 * last commit happened (null before the first).
 */
public record AuditStats(long records, long transactions, long failedTransactions, int largestBatch,
                         Instant lastCommit) {
}
