package dev.sluice.sql.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sql.source.RowSink;

/**
 * The {@link ResultWriter} of a {@link ResultStore}: encodes rows into one buffer and hands them to
 * its {@link StoredResult} some 8 KiB at a time, so the result's lock and storage are touched once
 * per batch, not once per row. Max bytes and eviction are still checked per row, so the caller
 * stops reading the engine at the same row as with one row per call.
 */
final class StoreResultWriter implements ResultWriter {
    static final int BATCH_BYTES = 8 * 1024;

    private final ResultStore store;
    private final StoredResult result;
    private final int columns;
    private final RowEncoder encoder = new RowEncoder();
    /** Where the row being put starts in the encoder's buffer; the rows before it are pending. */
    private int rowStart;
    private int pendingRows;
    private long storedBytes;
    private boolean truncated;
    private boolean done;

    StoreResultWriter(ResultStore store, StoredResult result) {
        this.store = store;
        this.result = result;
        this.columns = result.columns().size();
    }

    @Override
    public String queryExecutionId() {
        return result.id();
    }

    @Override
    public boolean append(JsonNode[] row) {
        requireNonNull(row, "row is null");
        checkWriting();
        if (row.length != columns) {
            throw new IllegalArgumentException("row has " + row.length + " values but the result has " + columns + " columns");
        }
        encoder.encode(row);
        return commitRow();
    }

    @Override
    public RowSink rowSink() {
        return encoder;
    }

    @Override
    public boolean endRow() {
        checkWriting();
        if (encoder.values() != columns) {
            int values = encoder.values();
            encoder.truncate(rowStart);
            throw new IllegalArgumentException("row has " + values + " values but the result has " + columns + " columns");
        }
        return commitRow();
    }

    /** Keeps the row just encoded, or drops it when the result is cut, evicted or would pass max bytes. */
    private boolean commitRow() {
        if (truncated || result.discarded()) {
            encoder.truncate(rowStart);
            return false;
        }
        if (storedBytes + encoder.length() > result.maxBytes()) {
            encoder.truncate(rowStart);
            truncated = true;
            if (flush()) {
                result.markTruncated();
            }
            return false;
        }
        pendingRows++;
        rowStart = encoder.length();
        encoder.startRow();
        return rowStart < BATCH_BYTES || flush();
    }

    /** Hands the pending rows to the result; false when it was evicted. */
    private boolean flush() {
        boolean stored = pendingRows == 0 ? !result.discarded() : result.appendRows(encoder.buffer(), rowStart, pendingRows);
        storedBytes += rowStart;
        encoder.clear();
        rowStart = 0;
        pendingRows = 0;
        return stored;
    }

    private void checkWriting() {
        if (done) {
            throw new IllegalStateException("result " + result.id() + " is already finished or aborted");
        }
    }

    @Override
    public ResultPage finish(int maxRows) {
        ResultStore.checkMaxRows(maxRows);
        if (done) {
            throw new IllegalStateException("result " + result.id() + " is already finished or aborted");
        }
        done = true;
        try {
            flush(); // an evicted result fails in finishAndPin, as it always did
            result.finishAndPin();
        } catch (RuntimeException e) {
            store.drop(result);
            throw e;
        }
        try {
            return store.readPage(result, 0, 0, maxRows);
        } finally {
            result.unpin();
        }
    }

    @Override
    public void abort() {
        done = true;
        encoder.clear();
        store.drop(result);
    }

    @Override
    public void close() {
        if (!done || !result.ready()) {
            abort();
        }
    }
}
