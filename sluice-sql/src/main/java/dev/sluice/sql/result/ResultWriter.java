package dev.sluice.sql.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sql.source.RowSink;

/**
 * Streams one query's rows into the {@link ResultStore}. Used by one thread (the one reading the
 * engine); the store may evict the result concurrently, which the writer notices on its next call.
 * Closing a writer that was not finished aborts it, so try-with-resources never leaks a result.
 */
public interface ResultWriter extends AutoCloseable {
    /** The {@code query_execution_id}: a random UUID string. */
    String queryExecutionId();

    /**
     * Stores one row (values in column order). Returns false, without storing the row, once the
     * result would pass the store's max result bytes (the result is then marked truncated) or once
     * the store evicted the result (expired, store closed): the caller stops reading the engine.
     *
     * @throws IllegalArgumentException when the row does not have one value per column
     * @throws IllegalStateException after {@link #finish(int)} or {@link #abort()}
     */
    boolean append(JsonNode[] row);

    /**
     * Where the next row's values go, one call per column in column order; {@link #endRow()} then
     * stores them. Typed values skip building a JSON node per value; the JSON a page shows is the
     * same as for {@link #append}. Always the same sink.
     */
    RowSink rowSink();

    /**
     * Stores the row put into {@link #rowSink()}; answers and throws as {@link #append} does
     * (IllegalArgumentException when the row does not have one value per column).
     */
    boolean endRow();

    /**
     * Finishes the result, makes it pageable, and returns its first page of at most {@code maxRows}
     * rows so {@code execute_query} answers without a second lookup.
     *
     * @throws IllegalStateException when the store evicted the result while it was written, or it
     *     was already finished or aborted
     */
    ResultPage finish(int maxRows);

    /** The query failed or was cancelled: drops the rows, memory and spill file. Idempotent. */
    void abort();

    /** Aborts unless finished. */
    @Override
    void close();
}
