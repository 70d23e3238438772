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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Group commit: callers queue records and wait; one writer thread takes everything queued (up to
 * {@code maxBatch}), inserts it in one transaction, commits, then releases every caller of the
 * batch. While a commit is being made durable, new records queue up for the next one, so many
 * concurrent appends cost one commit. A failed batch is retried once on a fresh connection (the
 * insert ignores ids already stored, so a retry after an unclear commit cannot duplicate), then
 * its callers get an {@link AuditException}.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Pending CLOSE = new Pending(null, null);
    private final String location;
    private final Dialect dialect;
    private final ConnectionSource connections;
    private final Clock clock;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile int largestBatch;
    private volatile Instant lastCommit;
    private volatile boolean closed;
    private Connection connection; // writer thread only
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
        this.thread = Thread.ofPlatform().name("sluice-audit-writer").daemon(true).unstarted(this::run);
    }

    /** Starts the writer thread with {@code first} as its connection (already checked and migrated). */
    void start(Connection first) {
        this.connection = first;
        thread.start();
    }

    /** Queues {@code record} and waits until its transaction has committed. */
    void append(AuditRecord record) {
        requireNonNull(record, "record is null");
        if (closed) {
            throw new AuditException("the audit log at " + location + " is closed; no record can be appended");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(record, done));
        try {
            done.get();
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

    AuditStats stats() {
        return new AuditStats(records.get(), transactions.get(), failed.get(), largestBatch, lastCommit);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(CLOSE);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // appends that raced with close() and were queued behind CLOSE
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        for (Pending p : left) {
            if (p != CLOSE) {
                p.done().completeExceptionally(new AuditException(
                        "the audit log at " + location + " was closed before record " + p.record().id() + " was written"));
            }
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        boolean stop = false;
        while (!stop) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, by queueing CLOSE
            }
            queue.drainTo(batch, maxBatch - 1);
            if (batch.remove(CLOSE)) {
                stop = true;
                queue.drainTo(batch); // everything queued before close() is still written
                queue.remove(CLOSE);
            }
            for (int from = 0; from < batch.size(); from += maxBatch) {
                write(batch.subList(from, Math.min(batch.size(), from + maxBatch)));
            }
        }
        closeConnection();
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
