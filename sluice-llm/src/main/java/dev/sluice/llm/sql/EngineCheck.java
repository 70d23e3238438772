package dev.sluice.llm.sql;

import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;

import java.util.List;
import java.util.Optional;

/**
 * Asks the engine whether a guarded statement would run, without running it: {@code EXPLAIN} on the
 * source's read-only session, under its statement timeout and the request's cancellation. Unknown
 * columns, type errors and missing functions come back as the engine's message.
 */
final class EngineCheck {
    static final int MAX_ERROR_CHARS = 1_000;

    private EngineCheck() {
    }

    /** Empty when the engine accepts the statement; otherwise its error, shortened. */
    static Optional<String> problem(Source source, String sql, Cancellation cancellation) {
        try (var cursor = source.execute("EXPLAIN " + sql, List.of(), source.settings().timeout(), cancellation)) {
            while (cursor.next() != null) {
                // drain the plan; its text is not needed
            }
            return Optional.empty();
        } catch (SourceException e) {
            String message = e.getMessage() == null ? "the engine rejected the statement" : e.getMessage();
            return Optional.of(message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) + "…" : message);
        }
    }
}
