package dev.sluice.sql.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.source.ColumnMeta;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.RowSink;
import dev.sluice.sql.source.SourceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A query running over JDBC. The statement is cancelled in the engine when the timeout fires or
 * the request is cancelled ({@code Statement.cancel}, which PostgreSQL turns into a cancel request
 * and DuckDB into an interrupt); closing releases the statement and hands the connection back.
 */
public final class JdbcCursor implements QueryCursor {
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<ColumnMeta> columns;
    private final int[] types;
    private final ColumnReader[] readers;
    private final Runnable canceller;
    private final Cancellation cancellation;
    private final ScheduledFuture<?> timeoutTask;
    private final AtomicReference<String> stopReason;
    private final Duration timeout;
    private final Consumer<Connection> release;
    private boolean closed;

    private JdbcCursor(Connection connection, PreparedStatement statement, ResultSet rows, Runnable canceller,
                       Cancellation cancellation, ScheduledFuture<?> timeoutTask, AtomicReference<String> stopReason,
                       Duration timeout, Consumer<Connection> release, ColumnReader.Choice readerChoice) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.canceller = canceller;
        this.cancellation = cancellation;
        this.timeoutTask = timeoutTask;
        this.stopReason = stopReason;
        this.timeout = timeout;
        this.release = release;
        ResultSetMetaData md = rows.getMetaData();
        int n = md.getColumnCount();
        this.types = new int[n];
        this.readers = new ColumnReader[n];
        List<ColumnMeta> cols = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            types[i - 1] = JsonValues.sqlType(md, i);
            readers[i - 1] = readerChoice.forColumn(md, i);
            cols.add(new ColumnMeta(md.getColumnLabel(i), md.getColumnTypeName(i)));
        }
        this.columns = List.copyOf(cols);
    }

    /**
     * Runs {@code sql} on {@code connection} (which the caller prepared: read-only transaction,
     * schema) and returns its rows. On failure the connection is released and a
     * {@link SourceException} explains what happened.
     */
    public static JdbcCursor open(Connection connection, String sql, List<Object> parameters, Duration timeout,
                                  Cancellation cancellation, int fetchSize, Consumer<Connection> release) {
        return open(connection, sql, parameters, timeout, cancellation, fetchSize, release, ColumnReader.STANDARD);
    }

    /** As above, reading columns with the engine's own {@link ColumnReader}s. */
    public static JdbcCursor open(Connection connection, String sql, List<Object> parameters, Duration timeout,
                                  Cancellation cancellation, int fetchSize, Consumer<Connection> release,
                                  ColumnReader.Choice readerChoice) {
        PreparedStatement statement = null;
        AtomicReference<String> stopReason = new AtomicReference<>();
        Runnable canceller = null;
        ScheduledFuture<?> timeoutTask = null;
        try {
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            PreparedStatement target = statement;
            canceller = () -> {
                stopReason.compareAndSet(null, "cancelled");
                cancelUntilClosed(target);
            };
            cancellation.onCancel(canceller);
            timeoutTask = QueryTimer.after(timeout, () -> {
                stopReason.compareAndSet(null, "timeout");
                cancelUntilClosed(target);
            });
            ResultSet rows = statement.executeQuery();
            return new JdbcCursor(connection, statement, rows, canceller, cancellation, timeoutTask, stopReason, timeout, release,
                    readerChoice);
        } catch (SQLException e) {
            if (timeoutTask != null) {
                timeoutTask.cancel(false);
            }
            if (canceller != null) {
                cancellation.removeCallback(canceller);
            }
            closeQuietly(statement);
            release.accept(connection);
            throw translate(e, stopReason.get(), timeout);
        }
    }

    static SourceException translate(SQLException e, String stopReason, Duration timeout) {
        // the engine's own statement timeout is a backstop just behind ours: same meaning
        boolean engineTimeout = "57014".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("statement timeout");
        if ("timeout".equals(stopReason) || (stopReason == null && engineTimeout)) {
            return new SourceException("The query exceeded the timeout of " + human(timeout)
                    + " and was cancelled in the engine. Narrow it down (filters, LIMIT, fewer joins) or ask for a higher timeout.", "57014", e);
        }
        if ("cancelled".equals(stopReason)) {
            return new SourceException("The query was cancelled.", "57014", e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        return new SourceException(message, e.getSQLState(), e);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public List<ColumnMeta> columns() {
        return columns;
    }

    @Override
    public JsonNode[] next() {
        try {
            if (!rows.next()) {
                return null;
            }
            JsonNode[] row = new JsonNode[types.length];
            for (int i = 0; i < types.length; i++) {
                row[i] = JsonValues.read(rows, i + 1, types[i]);
            }
            return row;
        } catch (SQLException e) {
            throw translate(e, stopReason.get(), timeout);
        }
    }

    @Override
    public boolean next(RowSink sink) {
        try {
            if (!rows.next()) {
                return false;
            }
            for (int i = 0; i < readers.length; i++) {
                readers[i].read(rows, i + 1, sink);
            }
            return true;
        } catch (SQLException e) {
            throw translate(e, stopReason.get(), timeout);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timeoutTask.cancel(false);
        cancellation.removeCallback(canceller);
        try {
            rows.close();
        } catch (SQLException ignored) {
            // the statement is being closed anyway
        }
        closeQuietly(statement);
        release.accept(connection);
    }

    /**
     * Cancels, and cancels again every 200 ms until the statement is closed: a cancel that
     * arrives before the engine has started the query (it was queued for a slot, or still being
     * prepared) is a no-op in DuckDB's driver, and the query would then run to the end.
     */
    private static void cancelUntilClosed(PreparedStatement statement) {
        try {
            if (statement.isClosed()) {
                return;
            }
        } catch (SQLException e) {
            return;
        }
        cancelQuietly(statement);
        QueryTimer.after(RECANCEL_EVERY, () -> cancelUntilClosed(statement));
    }

    private static final Duration RECANCEL_EVERY = Duration.ofMillis(200);

    private static void cancelQuietly(PreparedStatement statement) {
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // already finished
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // nothing more to do
            }
        }
    }
}
