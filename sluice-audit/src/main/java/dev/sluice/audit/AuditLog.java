package dev.sluice.audit;

import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable audit log. All methods are thread-safe and blocking (call them from virtual
 * threads freely). Implementations: {@link SqliteAuditStore} (embedded, default) and
 * {@link PostgresAuditStore} (shared); {@link JsonLinesSink} mirrors appends to a stream.
 */
public interface AuditLog extends AutoCloseable {
    /**
     * Stores {@code record} (after {@link Redaction}) and returns only once it is committed:
     * durable against a crash of this process (see {@code sync} in docs/audit.md for power loss).
     * Appends from concurrent callers share one transaction (group commit).
     *
     * @throws AuditException if the record could not be made durable; it may or may not be stored
     */
    void append(AuditRecord record);

    /** Records matching {@code query}, newest first, at most {@code query.limit()}. */
    List<AuditRecord> search(AuditQuery query);

    /** The {@code n} newest records, oldest first (as {@code tail} prints them). */
    List<AuditRecord> tail(int n);

    /** The record with this id, if stored. */
    Optional<AuditRecord> get(String id);

    /**
     * Writes the records matching {@code query}, newest first, one JSON object per line (the form
     * of {@link AuditJson}), streaming, and returns how many were written. Does not close {@code out}.
     */
    long export(AuditQuery query, Writer out);

    /** Deletes records older than {@code olderThan} (exclusive) and returns how many. */
    long purge(Instant olderThan);

    /** Writer counters, for metrics and tests. */
    AuditStats stats();

    /** Where records go, for messages: a file path or a JDBC URL without credentials. */
    String location();

    /** Writes what is queued, then releases the store. Later appends fail. */
    @Override
    void close();
}
