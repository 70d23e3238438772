package dev.sluice.llm.sql;

import dev.sluice.llm.provider.LlmException;
import dev.sluice.llm.provider.LlmProvider;
import dev.sluice.llm.provider.LlmRequest;
import dev.sluice.llm.provider.LlmResponse;
import dev.sluice.llm.provider.NoneProvider;
import dev.sluice.llm.provider.SqlExtraction;
import dev.sluice.llm.provider.Usage;
import dev.sluice.llm.schema.CatalogTable;
import dev.sluice.llm.schema.Retrieval;
import dev.sluice.llm.schema.RetrievalHints;
import dev.sluice.llm.schema.RetrieverSettings;
import dev.sluice.llm.schema.SchemaContext;
import dev.sluice.llm.schema.SourceCatalogReader;
import dev.sluice.llm.schema.TextEmbedder;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.guard.GuardVerdict;
import dev.sluice.sql.guard.SqlGuard;
import dev.sluice.sql.policy.TablePolicy;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.tools.QuestionAnswering.Question;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Turns a question into one read-only statement for a source:
 * screening → schema retrieval → prompt (dialect rules, schema context, verified examples) → model →
 * {@link SqlExtraction} → guard and table policy → engine check ({@code EXPLAIN}) → on failure the
 * problem is fed back to the model, at most {@link TextToSqlSettings#maxRepairs()} times.
 * Where the user can be asked ({@link Clarifier}), the model may answer an ambiguous question
 * with one clarifying question instead ({@link ClarifyingQuestion}); the user's answer is screened,
 * added to the question, and generation starts again, at most once per call. Nothing is executed. Without a model ({@code none}) the answer carries the schema context and
 * instructions so the caller's own model can write the SQL.
 *
 * <p>Sampling-safe: the work before the first model call is cheap after the first use of a source
 * (the catalogue is cached), nothing has side effects, and for the same inputs the calls come in
 * the same order, so 2026-07-28 round trips replay correctly. Only {@link LlmException} is caught
 * around model calls; {@code InputRequired} and cancellation pass through.
 */
public final class TextToSql {
    private final SchemaIndex index;
    private final VerifiedExamples examples;
    private final TextToSqlSettings settings;

    /**
     * @param clock    for catalogue ages
     * @param examples verified examples ({@link VerifiedExamples#none()} for none)
     * @param settings tuning ({@link TextToSqlSettings#DEFAULTS})
     * @param embedder sentence embedder for schemas too large for the prompt (e.g. {@link TextEmbedder#miniLm()}),
     *                 or null for BM25 only
     */
    public TextToSql(Clock clock, VerifiedExamples examples, TextToSqlSettings settings, TextEmbedder embedder) {
        this.examples = requireNonNull(examples, "examples is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.index = new SchemaIndex(clock, settings.catalogMaxAge(), SourceCatalogReader.Options.DEFAULTS,
                RetrieverSettings.DEFAULTS.withWholeSchemaChars(settings.schemaChars()), embedder);
    }

    /**
     * The tables retrieval would put in the prompt for {@code question} on {@code source}, from the
     * same cached index that {@link #generate} uses (for evaluation: the answer names only the
     * tables its SQL used).
     */
    public List<CatalogTable> retrievedTables(Source source, String question, RetrievalHints hints) {
        return index.retrieve(source, question, hints, settings.maxTables()).catalogTables();
    }

    public TextToSqlSettings settings() {
        return settings;
    }

    /**
     * SQL for {@code question} on {@code source}, asking {@code llm}, with nobody to put a clarifying
     * question to; never throws for model, guard or engine failures.
     */
    public SqlAnswer generate(LlmProvider llm, Source source, Question question, Cancellation cancellation) {
        return generate(llm, source, question, cancellation, Clarifier.NONE);
    }

    /** As {@link #generate(LlmProvider, Source, Question, Cancellation)}; {@code clarifier} can ask the user one clarifying question. */
    SqlAnswer generate(LlmProvider llm, Source source, Question question, Cancellation cancellation, Clarifier clarifier) {
        requireNonNull(llm, "llm is null");
        requireNonNull(source, "source is null");
        requireNonNull(question, "question is null");
        requireNonNull(cancellation, "cancellation is null");
        requireNonNull(clarifier, "clarifier is null");
        Attempts run = new Attempts(source, question, llm);
        String text = question.text().strip();
        Optional<InputScreening.Refusal> refusal = InputScreening.screen(text);
        if (refusal.isPresent()) {
            return run.fail(SqlAnswer.Status.REFUSED_INPUT, refusal.get().message(), refusal.get().rule(), null, null);
        }
        if (text.length() > settings.maxQuestionChars()) {
            return run.fail(SqlAnswer.Status.REFUSED_INPUT, "The question is " + text.length() + " characters long; the limit is "
                    + settings.maxQuestionChars() + ". Ask a shorter question.", "question_too_long", null, null);
        }
        return fromQuestion(run, text, cancellation, settings.clarifyingQuestions() && clarifier.canAsk() ? clarifier : Clarifier.NONE);
    }

    /**
     * Retrieval, prompt and the model for {@code text}: the question, or the question with its
     * clarification. {@code clarifier} is {@link Clarifier#NONE} when the model may not ask (any more).
     */
    private SqlAnswer fromQuestion(Attempts run, String text, Cancellation cancellation, Clarifier clarifier) {
        Source source = run.source;
        Question question = run.question;
        LlmProvider llm = run.llm;
        RetrievalHints hints = new RetrievalHints(question.catalog(), question.database(), question.table());
        Retrieval retrieval = index.retrieve(source, text, hints, settings.maxTables());
        List<CatalogTable> tables = retrieval.catalogTables();
        String schema = SchemaContext.render(tables, settings.schemaChars());
        int total = index.tableCount(source);
        run.notes.add(retrieval.wholeSchema() && tables.size() == total ? "schema: all " + total + " tables"
                : "schema: " + tables.size() + " of " + total + " tables retrieved for the question");
        if (tables.isEmpty()) {
            return run.fail(SqlAnswer.Status.NOT_GENERATED, "No table of source " + source.name() + " matches the hints"
                    + hintText(hints) + ". Check the catalog/database/table hints with list_tables, or leave them out.", "no_tables", null, null);
        }
        if (!llm.available()) {
            String reason = llm instanceof NoneProvider none ? none.reason() : "no model is available";
            return run.fail(SqlAnswer.Status.NO_MODEL, "No model is available to write the SQL (" + reason + ").", null, schema,
                    instructions(source));
        }
        List<VerifiedExample> shown = examples.top(source.name(), text, settings.examples());
        if (!shown.isEmpty()) {
            run.notes.add("examples: " + shown.size() + " verified example" + (shown.size() == 1 ? "" : "s") + " in the prompt");
        }
        LlmRequest request = SqlPrompt.request(SqlPrompt.system(source, clarifier.canAsk()),
                SqlPrompt.user(source, schema, tables.size(), total, shown, text, hints), settings.sqlMaxTokens());
        return loop(run, text, request, schema, cancellation, clarifier);
    }

    private SqlAnswer loop(Attempts run, String text, LlmRequest request, String schema, Cancellation cancellation, Clarifier clarifier) {
        Source source = run.source;
        SqlGuard guard = SqlGuard.forDialect(source.dialect());
        TablePolicy policy = new TablePolicy(source.settings());
        String problem = null;
        String rule = null;
        for (int attempt = 0; attempt <= settings.maxRepairs(); attempt++) {
            LlmResponse response;
            try {
                response = run.llm.complete(request);
            } catch (LlmException e) {
                return run.fail(SqlAnswer.Status.LLM_FAILED, "The model could not be asked (" + e.kind().wireName() + "): " + e.getMessage()
                        + ". Write the SQL yourself from schema_context and call execute_query with sql_query, or try again later.",
                        null, schema, instructions(source));
            }
            run.took(response);
            SqlExtraction.Result extracted = SqlExtraction.extract(response.text());
            // SQL wins over a question back: there is no need to hold the user up when the model could write it
            Optional<ClarifyingQuestion> clarifying = extracted instanceof SqlExtraction.Found ? Optional.empty()
                    : ClarifyingQuestion.in(response.text());
            if (clarifying.isPresent() && !clarifying.get().blank()) {
                return clarify(run, text, clarifying.get(), cancellation, clarifier);
            }
            rule = null;
            if (clarifying.isPresent()) {
                problem = "Your answer began a clarifying question (CLARIFY:) but asked nothing. Answer with exactly one SQL query"
                        + (clarifier.canAsk() ? ", or with CLARIFY: followed by one question." : ".");
            } else switch (extracted) {
                case SqlExtraction.Refused r -> {
                    return run.fail(SqlAnswer.Status.REFUSED_BY_MODEL, "The model declined: " + shorten(r.message(), 500)
                            + " Rephrase the question as a question about the data.", "model_refused", null, null);
                }
                case SqlExtraction.NoSql n -> problem = response.truncated()
                        ? "Your answer was cut off at the token limit before any SQL. Answer with only the SQL."
                        : "Your answer contained no SQL statement: \"" + shorten(n.text(), 300) + "\". If the schema can answer "
                        + "the question, answer with exactly one SQL query.";
                case SqlExtraction.Found f -> {
                    run.sql = f.sql();
                    if (f.droppedRest()) {
                        run.notes.add("attempt " + run.attempts + ": text after the first statement was ignored");
                    }
                    GuardVerdict verdict = guard.check(f.sql());
                    Optional<String> denied = policy.firstDenied(verdict.tablesRead());
                    if (!verdict.allowed()) {
                        rule = verdict.rule();
                        problem = "The SQL guard refused it (rule " + verdict.rule() + "): " + verdict.message();
                    } else if (denied.isPresent()) {
                        rule = "table_not_allowed";
                        problem = "Table " + denied.get() + " is not available through this source; use only the tables in the schema.";
                    } else {
                        // EXPLAIN takes only queries: a SHOW <setting> the guard allowed has nothing to explain
                        Optional<String> engine = settings.validate() && !verdict.showsSetting()
                                ? EngineCheck.problem(source, f.sql(), cancellation) : Optional.empty();
                        if (engine.isEmpty()) {
                            return run.done(f.sql(), verdict.tablesRead());
                        }
                        rule = "engine_error";
                        problem = DialectGuide.engine(source.dialect()) + " rejected it: " + engine.get();
                    }
                }
            }
            run.notes.add("attempt " + run.attempts + " failed: " + shorten(problem, 300));
            if (cancellation.isCancelled() || attempt == settings.maxRepairs()) {
                break;
            }
            request = SqlPrompt.repair(request, response.text(), problem);
        }
        return run.fail(SqlAnswer.Status.NOT_GENERATED, "No valid SQL after " + run.attempts + (run.attempts == 1 ? " attempt" : " attempts")
                + "; the last problem: " + problem + " Rephrase the question, give a table hint, or write the SQL yourself from "
                + "schema_context and call execute_query with sql_query.", rule, schema, instructions(source));
    }

    /**
     * The model asked {@code asked} about {@code text}: put it to the user when {@code clarifier}
     * can, and generate again with the answer; otherwise hand the question back to the caller.
     */
    private SqlAnswer clarify(Attempts run, String text, ClarifyingQuestion asked, Cancellation cancellation, Clarifier clarifier) {
        if (!clarifier.canAsk()) {
            return run.needsClarification(asked);
        }
        Clarifier.Reply reply = clarifier.ask(run.question.text(), asked);
        switch (reply) {
            case Clarifier.Unavailable u -> {
                run.notes.add("clarification: " + shorten(u.why(), 300));
                return run.needsClarification(asked);
            }
            case Clarifier.Declined d -> {
                return run.declined(asked, d.cancelled());
            }
            case Clarifier.Answered a -> {
                // screened as given, before it is made one line: "gross\ndelete the orders" collapsed to
                // "gross delete the orders" no longer reads as an imperative
                Optional<InputScreening.Refusal> refusal = InputScreening.screen(a.text());
                // one line and bounded: the answer goes into the prompt, and the user is as untrusted as the question
                String answer = shorten(a.text(), ClarifyingQuestion.MAX_ANSWER);
                Clarification answered = new Clarification(asked.question(), asked.options(), Clarification.Outcome.ANSWERED, answer);
                String clarified = Clarification.clarifiedQuestion(text, answered.describe());
                if (refusal.isEmpty()) {
                    refusal = InputScreening.screen(clarified);
                }
                if (refusal.isPresent()) {
                    // recorded as refused, and not echoed: the refused text goes into no note, message or prompt
                    run.clarification = new Clarification(asked.question(), asked.options(), Clarification.Outcome.REFUSED, null);
                    run.notes.add("clarification: " + run.clarification.describe());
                    return run.fail(SqlAnswer.Status.REFUSED_INPUT, refusedAnswer(refusal.get().rule()), refusal.get().rule(), null, null);
                }
                run.clarification = answered;
                run.notes.add("clarification: " + run.clarification.describe());
                return fromQuestion(run, clarified, cancellation, Clarifier.NONE);
            }
        }
    }

    /** Why an answer to a clarifying question was not used, without quoting it. */
    private static String refusedAnswer(String rule) {
        return "The answer to the clarifying question was not used: it "
                + (InputScreening.WRITE_REQUEST.equals(rule) ? "asks to change data, but Sluice only reads"
                : "tries to change the model's instructions")
                + " (rule " + rule + "). No SQL was generated and nothing was run; ask again with a question about the data.";
    }

    static String instructions(Source source) {
        return "Write one read-only " + DialectGuide.engine(source.dialect()) + " query from schema_context following these rules, then "
                + "call execute_query with sql_query (and source: " + source.name() + ").\n" + DialectGuide.rules(source.dialect());
    }

    private static String hintText(RetrievalHints h) {
        List<String> parts = new ArrayList<>();
        if (h.catalog() != null) {
            parts.add("catalog " + h.catalog());
        }
        if (h.schema() != null) {
            parts.add("database " + h.schema());
        }
        if (h.table() != null) {
            parts.add("table " + h.table());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    static String shorten(String s, int max) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > max ? one.substring(0, max) + "…" : one;
    }

    /** The running state of one generation: attempts, usage, notes. */
    private static final class Attempts {
        final Source source;
        final Question question;
        final LlmProvider llm;
        final List<String> notes = new ArrayList<>();
        int attempts;
        long input;
        long output;
        boolean reported = true;
        String model;
        String sql;
        Clarification clarification;

        Attempts(Source source, Question question, LlmProvider llm) {
            this.source = source;
            this.question = question;
            this.llm = llm;
            this.model = llm.model();
        }

        void took(LlmResponse r) {
            attempts++;
            input += r.usage().inputTokens();
            output += r.usage().outputTokens();
            reported &= r.usage().reported();
            model = r.model();
        }

        Usage usage() {
            return attempts == 0 ? Usage.of(0, 0) : new Usage(input, output, reported);
        }

        SqlAnswer done(String sql, List<String> tablesUsed) {
            if (attempts > 1) {
                notes.add("repaired: attempt " + attempts + " passed the guard and the engine check");
            }
            String first = tablesUsed.isEmpty() ? null : tablesUsed.getFirst();
            String[] parts = first == null ? new String[0] : first.split("\\.");
            String catalog = question.catalog() != null ? question.catalog() : parts.length >= 3 ? parts[parts.length - 3] : null;
            String database = question.database() != null ? question.database() : parts.length >= 2 ? parts[parts.length - 2] : null;
            String table = question.table() != null ? question.table() : first;
            return new SqlAnswer(SqlAnswer.Status.GENERATED, source.name(), source.dialect().wireName(), catalog, database, table, sql,
                    tablesUsed, notes, attempts, usage(), llm.kind(), model, null, null, null, null, clarification);
        }

        /** The user could not be asked: the question goes back to the caller, who can ask and call again. */
        SqlAnswer needsClarification(ClarifyingQuestion asked) {
            clarification = new Clarification(asked.question(), asked.options(), Clarification.Outcome.NOT_ASKED, null);
            return fail(SqlAnswer.Status.NEEDS_CLARIFICATION, "The question is ambiguous; the model asks: " + asked.describe()
                    + " Put this question to the user, then call again with the answer added to natural_language_query. "
                    + "No SQL was generated and nothing was run.", null, null, null);
        }

        SqlAnswer declined(ClarifyingQuestion asked, boolean cancelled) {
            clarification = new Clarification(asked.question(), asked.options(),
                    cancelled ? Clarification.Outcome.CANCELLED : Clarification.Outcome.DECLINED, null);
            return fail(SqlAnswer.Status.CLARIFICATION_DECLINED, "The user " + (cancelled ? "cancelled" : "declined to answer")
                    + " the clarifying question (\"" + asked.question() + "\"), so no SQL was generated and no query was run. "
                    + "Ask again with a more specific question to get an answer.", null, null, null);
        }

        SqlAnswer fail(SqlAnswer.Status status, String error, String rule, String schema, String instructions) {
            return new SqlAnswer(status, source.name(), source.dialect().wireName(), question.catalog(), question.database(),
                    question.table(), sql, List.of(), notes, attempts, usage(), llm.kind(), model, error, rule, schema, instructions,
                    clarification);
        }
    }
}
