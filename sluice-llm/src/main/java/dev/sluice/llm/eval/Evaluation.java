package dev.sluice.llm.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.llm.provider.LlmProvider;
import dev.sluice.llm.schema.GoldTables;
import dev.sluice.llm.sql.SqlAnswer;
import dev.sluice.llm.sql.TextToSql;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.guard.SqlGuard;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.tools.QuestionAnswering.Question;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs a question set against one source: for each question, the text-to-SQL pipeline (timed, the
 * model's share measured apart), then schema retrieval again for recall (untimed; it reuses what the
 * pipeline cached), then the generated and the gold SQL on the source, compared by {@link ResultComparison}. One question at a time, so latencies are
 * not skewed by contention. A question's failure (no SQL, bad SQL, gold SQL that fails) is recorded
 * in its result and the run goes on.
 *
 * <pre>{@code
 * EvalReport report = new Evaluation(pipeline, llm, source, Clock.systemUTC())
 *         .run(QuestionSet.demo(), result -> out.println(result.toJson()));
 * }</pre>
 */
public final class Evaluation {
    /** Per-statement timeout for generated and gold SQL. */
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    private final TextToSql pipeline;
    private final TimedProvider llm;
    private final Source source;
    private final Clock clock;

    /**
     * @param pipeline the text-to-SQL pipeline, built as the server builds it
     * @param llm      the model to ask ({@code none} measures retrieval only)
     * @param source   the source the questions are about
     * @param clock    times generation and the model calls
     */
    public Evaluation(TextToSql pipeline, LlmProvider llm, Source source, Clock clock) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.llm = new TimedProvider(requireNonNull(llm, "llm is null"), clock);
        this.source = requireNonNull(source, "source is null");
    }

    /** Evaluates every question, handing each result to {@code each} as soon as it is known. */
    public EvalReport run(List<EvalQuestion> questions, Consumer<QuestionResult> each) {
        requireNonNull(questions, "questions is null");
        requireNonNull(each, "each is null");
        SourceQueries queries = new SourceQueries(source, QUERY_TIMEOUT);
        List<QuestionResult> results = new ArrayList<>();
        for (EvalQuestion q : questions) {
            String hint = queries.schemaOf(q.database()).orElse(null);
            QuestionResult r = one(q, hint, queries);
            results.add(r);
            each.accept(r);
        }
        return new EvalReport(source.name(), llm.kind(), llm.available() ? llm.model() : null, llm.available(), results);
    }

    private QuestionResult one(EvalQuestion q, String hint, SourceQueries queries) {
        llm.takeSpent();
        Instant start = clock.instant();
        // the unwrapped provider when there is no model, so the answer says why (NoneProvider's reason)
        SqlAnswer answer = pipeline.generate(llm.available() ? llm : llm.delegate(), source, new Question(q.question(), null, hint, null), new Cancellation());
        Duration latency = Duration.between(start, clock.instant());
        Duration inLlm = llm.takeSpent();
        // after generation, not before: the embedder remembers the question's vector, and the timed run must pay for it
        List<String> retrieved = RetrievalProbe.tables(pipeline, source, q.question(), hint);
        List<String> gold = goldTables(q, hint);
        boolean hit = RetrievalProbe.covers(retrieved, java.util.Set.copyOf(gold));

        String sql = answer.success() ? answer.sql() : null;
        Boolean match = null;
        String error = answer.success() ? null : answer.error();
        if (llm.available()) {
            match = false;
            if (sql != null) {
                Outcome o = compare(queries, q, sql);
                match = o.match;
                error = o.error;
            }
        }
        return new QuestionResult(q, answer.status().wireName(), sql, match, error, retrieved, gold, hit, answer.attempts(),
                answer.usage().inputTokens(), answer.usage().outputTokens(), latency, inLlm);
    }

    /**
     * The tables the gold SQL reads, as {@code schema.table}: for a SpiderMan database (MySQL-flavoured
     * gold) {@link GoldTables}; otherwise the gold SQL is in the source's own dialect and the guard reads it.
     */
    private List<String> goldTables(EvalQuestion q, String spiderManDatabase) {
        if (spiderManDatabase != null) {
            return GoldTables.of(q.goldSql(), spiderManDatabase).stream().map(RetrievalProbe::schemaAndName).toList();
        }
        return SqlGuard.forDialect(source.dialect()).check(q.goldSql()).tablesRead().stream()
                .map(t -> RetrievalProbe.schemaAndName(t.contains(".") ? t : source.defaultSchema() + "." + t)).distinct().toList();
    }

    private record Outcome(boolean match, String error) {
    }

    private static Outcome compare(SourceQueries queries, EvalQuestion q, String sql) {
        List<List<JsonNode>> goldRows;
        try {
            goldRows = queries.rows(queries.gold(q));
        } catch (RuntimeException e) {
            return new Outcome(false, "gold SQL failed on the source: " + e.getMessage());
        }
        List<List<JsonNode>> rows;
        try {
            rows = queries.rows(sql);
        } catch (RuntimeException e) {
            return new Outcome(false, "generated SQL failed on the source: " + e.getMessage());
        }
        boolean same = ResultComparison.sameResult(goldRows, rows, ResultComparison.hasTopLevelOrderBy(q.goldSql()));
        return new Outcome(same, same ? null : "rows differ from the gold SQL's (gold " + goldRows.size() + " rows, generated " + rows.size() + ")");
    }
}
