package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.source.Source;

import static java.util.Objects.requireNonNull;

/**
 * Natural-language questions for {@code execute_query}: turn a question into SQL, and summarise a
 * result page in the question's language. Implemented by the text-to-SQL pipeline in
 * {@code sluice-llm}; {@link DataTools} works without one (then a question alone is refused with
 * instructions to write the SQL).
 *
 * <p>Implementations may ask the client's model (sampling): on 2026-07-28 requests that throws
 * {@code InputRequired}, which must propagate, and the handler runs again from the top; so callers
 * call {@link #generate} and {@link #summarise} in the same order every time.
 */
public interface QuestionAnswering {
    /**
     * A question and its hints ({@code catalog}, {@code database}, {@code table}: each null when not given).
     */
    record Question(String text, String catalog, String database, String table) {
        public Question {
            requireNonNull(text, "text is null");
        }
    }

    /**
     * What {@link #generate} produced.
     *
     * @param sql     the statement to run (already guarded and validated), or null when none could be made
     * @param details the fields {@code text_to_sql} would return ({@code success}, {@code dialect},
     *                {@code tables_used}, {@code notes}, {@code error}, {@code schema_context}, ...);
     *                when {@code sql} is null, {@code execute_query} returns them as its answer
     */
    record Generation(String sql, ObjectNode details) {
        public Generation {
            requireNonNull(details, "details is null");
        }

        public boolean generated() {
            return sql != null;
        }
    }

    /** SQL for {@code question} on {@code source}; never throws for a model or engine failure (see {@link Generation}). */
    Generation generate(Question question, Source source, RequestContext context);

    /**
     * A short summary of {@code page} ({@code columns} and {@code rows} as {@code execute_query}
     * returns them, already masked) in the question's language; when no model can write one, a
     * sentence saying so. Never throws for a model failure.
     */
    String summarise(Question question, String sql, ObjectNode page, RequestContext context);

    /** One line for {@code test_connection}: which model answers for this caller. Never shows secrets. */
    String describe(RequestContext context);
}
