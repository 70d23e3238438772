package dev.sluice.llm.sql;

import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks the engine whether a guarded statement would run, without running it: {@code EXPLAIN} on the
 * source's read-only session, under its statement timeout and the request's cancellation. Unknown
 * columns, type errors and missing functions come back as the engine's message. PostgreSQL's
 * {@code Position: N} counts from the start of the EXPLAIN statement; it is shifted back so it points
 * into the SQL the model wrote. Not used for PostgreSQL's {@code SHOW <setting>}
 * ({@link dev.sluice.sql.guard.GuardVerdict#showsSetting()}): {@code EXPLAIN SHOW …} is always a syntax error.
 */
final class EngineCheck {
    static final int MAX_ERROR_CHARS = 1_000;
    private static final String EXPLAIN = "EXPLAIN ";
    private static final Pattern POSITION = Pattern.compile("(?m)^([ \\t]*Position: )(\\d+)$");

    private EngineCheck() {
    }

    /** Empty when the engine accepts the statement; otherwise its error, shortened. */
    static Optional<String> problem(Source source, String sql, Cancellation cancellation) {
        try (var cursor = source.execute(EXPLAIN + sql, List.of(), source.settings().timeout(), cancellation)) {
            while (cursor.next() != null) {
                // drain the plan; its text is not needed
            }
            return Optional.empty();
        } catch (SourceException e) {
            String message = e.getMessage() == null ? "the engine rejected the statement" : e.getMessage();
            if (source.dialect() == Dialect.POSTGRES) {
                message = POSITION.matcher(message).replaceAll(m -> m.group(1)
                        + Math.max(1, Integer.parseInt(m.group(2)) - EXPLAIN.length()));
            }
            return Optional.of(message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) + "…" : message);
        }
    }
}
