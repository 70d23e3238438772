package dev.sluice.sql.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sql.source.ColumnMeta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Query results kept server-side under their {@code query_execution_id} for
 * {@code fetch_query_results}. Thread-safe: any number of writers and readers at once.
 *
 * <p>A result is pageable once its writer {@linkplain ResultWriter#finish(int) finished}; until
 * then {@link #page} answers empty, as for an unknown id (execute_query returns the first page
 * from {@code finish}, so a client never holds an id before that). Bounds: {@code maxResults}
 * (beginning one more evicts the oldest finished result), {@code maxAge} counted from
 * {@link #begin} (checked on every lookup and swept by {@link #evictExpired()}, which
 * {@link #begin} runs too), the shared memory budget (results past it go to disk) and
 * {@code maxResultBytes} per result (the result is cut and marked truncated).
 */
public final class ResultStore implements AutoCloseable {
    private static final String SPILL_PREFIX = "sluice-result-";
    private static final String SPILL_SUFFIX = ".rows";

    private final ResultStoreConfig config;
    private final Clock clock;
    private final MemoryBudget budget;
    private final AtomicLong diskBytes = new AtomicLong();
    private final PageTokenCodec tokens;
    private final boolean spillDirectoryExisted;
    private final ReentrantLock lock = new ReentrantLock();
    /** In begin order, so the first finished entry is the oldest. */
    private final LinkedHashMap<String, StoredResult> results = new LinkedHashMap<>();
    private boolean closed;

    public ResultStore(ResultStoreConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.budget = new MemoryBudget(config.memoryBudgetBytes());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.tokens = new PageTokenCodec(key);
        this.spillDirectoryExisted = Files.isDirectory(config.spillDirectory());
    }

    /**
     * Starts a result. The id is the {@code query_execution_id}: a random UUID string.
     *
     * @param owner the principal's name; only the same owner can page the result
     * @throws IllegalStateException when the store is closed, or holds {@code maxResults} results
     *     that are all still being written
     */
    public ResultWriter begin(String source, String owner, List<ColumnMeta> columns) {
        requireNonNull(source, "source is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(columns, "columns is null");
        evictExpired();
        String id = UUID.randomUUID().toString();
        RowStorage storage = new RowStorage(budget, config.spillThresholdBytes(), config.spillDirectory(),
                SPILL_PREFIX + id + SPILL_SUFFIX, diskBytes);
        StoredResult result = new StoredResult(id, source, owner, columns, clock.instant(), config.maxResultBytes(), storage);
        List<StoredResult> evicted = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the result store is closed");
            }
            while (results.size() >= config.maxResults()) {
                StoredResult oldest = oldestFinished();
                if (oldest == null) {
                    throw new IllegalStateException("the result store holds " + results.size()
                            + " results that are all still being written; retry when a query finishes or raise max_results");
                }
                results.remove(oldest.id());
                evicted.add(oldest);
            }
            results.put(id, result);
        } finally {
            lock.unlock();
        }
        evicted.forEach(StoredResult::discard);
        return new StoreResultWriter(this, result);
    }

    /**
     * Reads a page of a finished result.
     *
     * @param nextToken the token of the previous page; null or empty for the first page
     * @return empty when the id is unknown, expired, evicted, still being written, or owned by
     *     another principal (these look the same, so ids of others cannot be probed)
     * @throws IllegalArgumentException when {@code maxRows} is below 1 or the token was not issued
     *     for this id by this store
     */
    public Optional<ResultPage> page(String queryExecutionId, String owner, String nextToken, int maxRows) {
        requireNonNull(queryExecutionId, "queryExecutionId is null");
        requireNonNull(owner, "owner is null");
        checkMaxRows(maxRows);
        StoredResult result = lookup(queryExecutionId, owner);
        if (result == null) {
            return Optional.empty();
        }
        try {
            long row = 0;
            long position = 0;
            if (nextToken != null && !nextToken.isEmpty()) {
                PageToken token = tokens.decode(queryExecutionId, nextToken);
                if (token.row() >= result.rows()) {
                    throw new IllegalArgumentException(PageTokenCodec.INVALID);
                }
                row = token.row();
                position = token.position();
            }
            return Optional.of(readPage(result, row, position, maxRows));
        } finally {
            result.unpin();
        }
    }

    /** Drops results older than {@code maxAge}, finished or not; returns how many. */
    public int evictExpired() {
        Instant now = clock.instant();
        List<StoredResult> expired = new ArrayList<>();
        lock.lock();
        try {
            for (Iterator<StoredResult> it = results.values().iterator(); it.hasNext(); ) {
                StoredResult result = it.next();
                if (isExpired(result, now)) {
                    it.remove();
                    expired.add(result);
                }
            }
        } finally {
            lock.unlock();
        }
        expired.forEach(StoredResult::discard);
        return expired.size();
    }

    public StoreStats stats() {
        int count;
        lock.lock();
        try {
            count = results.size();
        } finally {
            lock.unlock();
        }
        return new StoreStats(count, budget.used(), diskBytes.get());
    }

    /**
     * Drops every result and deletes its spill file (a file a reader is still paging goes when that
     * page ends); the spill directory itself too when this store created it. Later calls to
     * {@link #begin} fail and {@link #page} answers empty.
     */
    @Override
    public void close() {
        List<StoredResult> all;
        lock.lock();
        try {
            closed = true;
            all = new ArrayList<>(results.values());
            results.clear();
        } finally {
            lock.unlock();
        }
        all.forEach(StoredResult::discard);
        if (!spillDirectoryExisted) {
            try {
                Files.deleteIfExists(config.spillDirectory());
            } catch (IOException ignored) {
                // not empty (a page still in flight) or already gone: nothing more to do
            }
        }
    }

    static void checkMaxRows(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("max_rows must be at least 1, got " + maxRows);
        }
    }

    /** Removes the result if it is still held and discards it (abort, failed finish). */
    void drop(StoredResult result) {
        lock.lock();
        try {
            results.remove(result.id(), result);
        } finally {
            lock.unlock();
        }
        result.discard();
    }

    /** Reads up to {@code maxRows} rows from a pinned result, starting at a row and its byte position. */
    ResultPage readPage(StoredResult result, long row, long position, int maxRows) {
        int count = (int) Math.min(maxRows, result.rows() - row);
        List<JsonNode[]> rows = new ArrayList<>(count);
        int columns = result.columns().size();
        long end = position;
        if (count > 0) {
            try (BlockSource source = result.storage().openAt(position)) {
                RowDecoder decoder = new RowDecoder(source, position);
                for (int i = 0; i < count; i++) {
                    rows.add(decoder.readRow(columns));
                }
                end = decoder.position();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read result " + result.id() + ": " + e.getMessage(), e);
            }
        }
        long next = row + count;
        String nextToken = next < result.rows() ? tokens.encode(result.id(), new PageToken(next, end)) : null;
        return new ResultPage(result.id(), result.columns(), rows, nextToken, result.rows(), result.truncated());
    }

    /** The owner's finished, unexpired result, pinned; or null. */
    private StoredResult lookup(String id, String owner) {
        StoredResult expired = null;
        lock.lock();
        try {
            StoredResult result = results.get(id);
            if (result == null || !result.owner().equals(owner)) {
                return null;
            }
            if (isExpired(result, clock.instant())) {
                results.remove(id);
                expired = result;
            } else if (result.pin()) {
                return result;
            }
        } finally {
            lock.unlock();
            if (expired != null) {
                expired.discard();
            }
        }
        return null;
    }

    private StoredResult oldestFinished() {
        for (Map.Entry<String, StoredResult> entry : results.entrySet()) {
            if (entry.getValue().ready()) {
                return entry.getValue();
            }
        }
        return null;
    }

    private boolean isExpired(StoredResult result, Instant now) {
        return !now.isBefore(result.createdAt().plus(config.maxAge()));
    }
}
