package dev.sluice.sql.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sql.source.RowSink;

/** The {@link ResultWriter} of a {@link ResultStore}: encodes rows and hands the bytes to its {@link StoredResult}. */
final class StoreResultWriter implements ResultWriter {
    private final ResultStore store;
    private final StoredResult result;
    private final int columns;
    private final RowEncoder encoder = new RowEncoder();
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
        return store();
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
            encoder.reset();
            throw new IllegalArgumentException("row has " + values + " values but the result has " + columns + " columns");
        }
        return store();
    }

    private boolean store() {
        boolean stored = result.append(encoder.buffer(), encoder.length());
        encoder.reset();
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
        store.drop(result);
    }

    @Override
    public void close() {
        if (!done || !result.ready()) {
            abort();
        }
    }
}
