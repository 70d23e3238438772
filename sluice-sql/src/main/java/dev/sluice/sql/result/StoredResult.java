package dev.sluice.sql.result;

import dev.sluice.sql.source.ColumnMeta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One result and its life: WRITING (one writer appends) → READY (immutable, pageable by many
 * readers) → DISCARDED (evicted or aborted). Readers pin a READY result; a result discarded while
 * pinned frees its memory and file when the last reader unpins, so a page in flight never reads a
 * deleted file. A {@link ReentrantLock}, not {@code synchronized}, so a virtual thread writing the
 * spill file does not pin its carrier on older JDKs.
 */
final class StoredResult {
    private enum State { WRITING, READY, DISCARDED }

    private final String id;
    private final String source;
    private final String owner;
    private final List<ColumnMeta> columns;
    private final Instant createdAt;
    private final long maxBytes;
    private final RowStorage storage;
    private final ReentrantLock lock = new ReentrantLock();

    /** Written under the lock; read without it where a stale answer is harmless. */
    private volatile State state = State.WRITING;
    private long rows;
    private boolean truncated;
    private int pins;

    StoredResult(String id, String source, String owner, List<ColumnMeta> columns, Instant createdAt,
            long maxBytes, RowStorage storage) {
        this.id = id;
        this.source = source;
        this.owner = owner;
        this.columns = List.copyOf(columns);
        this.createdAt = createdAt;
        this.maxBytes = maxBytes;
        this.storage = storage;
    }

    String id() {
        return id;
    }

    String source() {
        return source;
    }

    String owner() {
        return owner;
    }

    List<ColumnMeta> columns() {
        return columns;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** Rows stored; stable once READY. */
    long rows() {
        return rows;
    }

    boolean truncated() {
        return truncated;
    }

    RowStorage storage() {
        return storage;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Lock-free, so a writer can stop at once when the store evicts its result. */
    boolean discarded() {
        return state == State.DISCARDED;
    }

    /** The writer found that the next row would pass max bytes: the engine had more rows than are stored. */
    void markTruncated() {
        lock.lock();
        try {
            truncated = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends one encoded row; false when the row would pass max bytes (the result is then
     * truncated) or the result was discarded.
     */
    boolean append(byte[] data, int length) {
        return appendRows(data, length, 1);
    }

    /**
     * Appends {@code count} whole encoded rows at once (one lock for many rows); false, storing
     * none, when they would pass max bytes (the result is then truncated) or the result was discarded.
     */
    boolean appendRows(byte[] data, int length, int count) {
        lock.lock();
        try {
            if (state == State.DISCARDED) {
                return false;
            }
            if (state == State.READY) {
                throw new IllegalStateException("result " + id + " is already finished");
            }
            if (truncated) {
                return false;
            }
            if (storage.bytes() + length > maxBytes) {
                truncated = true;
                return false;
            }
            storage.append(data, 0, length);
            rows += count;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write result " + id + " to the spill directory: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** WRITING → READY, pinned once for the caller's first page. */
    void finishAndPin() {
        lock.lock();
        try {
            if (state == State.DISCARDED) {
                throw new IllegalStateException("result " + id
                        + " was evicted (expired or the store closed) before it was finished; run the query again");
            }
            if (state == State.READY) {
                throw new IllegalStateException("result " + id + " is already finished");
            }
            storage.finishWriting();
            state = State.READY;
            pins++;
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish result " + id + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Lock-free, so the store can scan results without waiting on a writer's file I/O. */
    boolean ready() {
        return state == State.READY;
    }

    /** Pins a READY result for reading; false when it is still being written or was discarded. */
    boolean pin() {
        if (state != State.READY) {
            return false; // never wait on a writer: an unfinished result is not pageable anyway
        }
        lock.lock();
        try {
            if (state != State.READY) {
                return false;
            }
            pins++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void unpin() {
        lock.lock();
        try {
            pins--;
            if (state == State.DISCARDED && pins == 0) {
                storage.free();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops the result; its memory and file go now, or when the last reader unpins. */
    void discard() {
        lock.lock();
        try {
            if (state == State.DISCARDED) {
                return;
            }
            state = State.DISCARDED;
            if (pins == 0) {
                storage.free();
            }
        } finally {
            lock.unlock();
        }
    }
}
