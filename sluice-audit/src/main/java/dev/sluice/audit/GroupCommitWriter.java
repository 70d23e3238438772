package dev.sluice.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * Group commit without a writer thread: each caller queues its record and tries to take the lead.
 * The leader takes everything queued (up to {@code maxBatch}), inserts it in one transaction,
 * commits and releases every caller of the batch; it leads until its own record is committed,
 * plus one more batch for whoever queued behind it. Callers that could not lead wait for their
 * commit and, every {@value #FOLLOWER_POLL_MICROS} µs without one, try to lead themselves, so a
 * record queued just as a leader left is never stranded. A caller alone therefore commits its
 * own record with no thread hand-off, and concurrent appends still share commits. A failed batch
 * is retried once on a fresh connection (the insert ignores ids already stored, so a retry after
 * an unclear commit cannot duplicate), then its callers get an {@link AuditException}.
 */
final class GroupCommitWriter implements AutoCloseable {
    static final long FOLLOWER_POLL_MICROS = 200;
    private final String location;
    private final Dialect dialect;
    private final ConnectionSource connections;
    private final Clock clock;
    private final int maxBatch;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lead = new ReentrantLock();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile int largestBatch;
    private volatile Instant lastCommit;
    private volatile boolean closed;
    private Connection connection; // only while holding the lead
    private PreparedStatement insert; // prepared once per connection: SQLite re-parses the statement otherwise

    private record Pending(AuditRecord record, CompletableFuture<Void> done) {
    }

    GroupCommitWriter(String location, Dialect dialect, ConnectionSource connections, Clock clock, int maxBatch) {
        this.location = requireNonNull(location, "location is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.connections = requireNonNull(connections, "connections is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    /** Takes {@code first} as the connection to write with (already checked and migrated). */
    void start(Connection first) {
        lead.lock();
        try {
            this.connection = first;
        } finally {
            lead.unlock();
        }
    }

    /** Queues {@code record} and returns once its transaction has committed. */
    void append(AuditRecord record) {
        requireNonNull(record, "record is null");
        if (closed) {
            throw new AuditException("the audit log at " + location + " is closed; no record can be appended");
        }
        Pending pending = new Pending(record, new CompletableFuture<>());
        queue.add(pending);
        lead(pending);
        try {
            while (true) {
                try {
                    pending.done().get(FOLLOWER_POLL_MICROS, TimeUnit.MICROSECONDS);
                    return;
                } catch (TimeoutException notYet) {
                    lead(pending);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("interrupted while waiting for audit record " + record.id()
                    + " to be committed; it may or may not be stored");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuditException ae) {
                throw new AuditException(ae.getMessage(), ae.getCause());
            }
            throw new AuditException("could not append audit record " + record.id() + ": " + cause, cause);
        }
    }

    /** Leads batches while {@code own} waits and nobody else leads, then one more for those queued behind. */
    private void lead(Pending own) {
        boolean extraBatchDone = false;
        while (!queue.isEmpty() && lead.tryLock()) {
            try {
                writeQueuedBatch();
            } finally {
                lead.unlock();
            }
            if (own.done().isDone()) {
                if (extraBatchDone) {
                    return;
                }
                extraBatchDone = true;
            }
        }
    }

    /** Holding the lead: one transaction of what is queued. */
    private void writeQueuedBatch() {
        List<Pending> batch = new ArrayList<>(Math.min(maxBatch, 64));
        Pending next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (closed && connection == null) {
            fail(batch, "the audit log at " + location + " was closed before the record was written");
        } else {
            write(batch);
        }
    }

    AuditStats stats() {
        return new AuditStats(records.get(), transactions.get(), failed.get(), largestBatch, lastCommit);
    }

    /** Writes what is queued, then releases the connection; later appends fail. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lead.lock();
        try {
            List<Pending> left = new ArrayList<>();
            Pending next;
            while ((next = queue.poll()) != null) {
                left.add(next);
            }
            for (int from = 0; from < left.size(); from += maxBatch) {
                write(left.subList(from, Math.min(left.size(), from + maxBatch)));
            }
            closeConnection();
        } finally {
            lead.unlock();
        }
        // an append that queued after the drain above finds closed and no connection when it leads, and fails
    }

    private void fail(List<Pending> batch, String message) {
        for (Pending p : batch) {
            p.done().completeExceptionally(new AuditException(message));
        }
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Exception last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                insert(batch);
                transactions.incrementAndGet();
                records.addAndGet(batch.size());
                if (batch.size() > largestBatch) {
                    largestBatch = batch.size();
                }
                lastCommit = clock.instant();
                for (Pending p : batch) {
                    p.done().complete(null);
                }
                return;
            } catch (SQLException | RuntimeException e) {
                last = e;
                closeConnection(); // the next attempt (or batch) starts on a fresh connection
            }
        }
        failed.incrementAndGet();
        AuditException error = new AuditException("could not write " + batch.size() + " audit record(s) to "
                + location + ": " + last.getMessage() + "; check that the store is reachable and has space", last);
        for (Pending p : batch) {
            p.done().completeExceptionally(error);
        }
    }

    private void insert(List<Pending> batch) throws SQLException {
        if (connection == null) {
            connection = connections.open();
        }
        Connection c = connection;
        if (insert == null) {
            insert = c.prepareStatement(dialect.insertSql());
        }
        PreparedStatement ps = insert;
        c.setAutoCommit(false);
        try {
            for (Pending p : batch) {
                dialect.bind(ps, p.record());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
            // back to auto-commit: sqlite-jdbc would otherwise open the next (immediate) transaction at once
            // and hold the write lock between batches, shutting out purges
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is discarded next
            }
            throw e;
        }
    }

    private void closeConnection() {
        if (insert != null) {
            try {
                insert.close();
            } catch (SQLException ignored) {
                // the connection goes too
            }
            insert = null;
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to do with it
            }
            connection = null;
        }
    }
}
