package dev.sluice.sql.source;

import dev.sluice.mcp.server.Cancellation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An opened engine. Methods block; callers run them on virtual threads. Every query runs
 * read-only in the engine (a read-only transaction or connection), with the statement timeout
 * applied and wired to {@code cancellation} so a cancelled request stops the query in the engine.
 */
public interface Source extends AutoCloseable {
    String name();

    String kind();

    Dialect dialect();

    Set<Capability> capabilities();

    SourceSettings settings();

    /** The schema unqualified names resolve in (e.g. {@code main}, {@code public}). */
    String defaultSchema();

    /** Round trip to the engine; throws {@link SourceException} when it is unreachable. */
    Duration ping();

    List<TableInfo> listTables(String schema, String pattern);

    Optional<TableDetail> describe(TableRef table, int sampleRows);

    /**
     * Runs a statement the guard has already allowed. Bind parameters are passed separately and
     * never interpolated into the SQL.
     */
    QueryCursor execute(String sql, List<Object> parameters, Duration timeout, Cancellation cancellation);

    @Override
    void close();
}
