package dev.sluice.sql.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Rows of a running query, streamed from the engine, as JSON values ({@link #next()}: numbers as
 * numbers, exact decimals, ISO-8601 timestamps, NULL as null) or as the same values typed
 * ({@link #next(RowSink)}), which skips a JSON node per value. Closing it releases the statement.
 */
public interface QueryCursor extends AutoCloseable {
    List<ColumnMeta> columns();

    /** The next row's values in column order, or null at the end. */
    JsonNode[] next();

    /**
     * Puts the next row's values into {@code sink}, one per column in column order; false at the
     * end. Cursors that can skip building JSON nodes override it.
     */
    default boolean next(RowSink sink) {
        JsonNode[] row = next();
        if (row == null) {
            return false;
        }
        for (JsonNode value : row) {
            sink.json(value);
        }
        return true;
    }

    /** The engine's own id for the query, if it has one (Athena's QueryExecutionId); else null. */
    default String engineQueryId() {
        return null;
    }

    @Override
    void close();
}
