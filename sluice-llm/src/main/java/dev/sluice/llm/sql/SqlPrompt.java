package dev.sluice.llm.sql;

import dev.sluice.llm.provider.LlmMessage;
import dev.sluice.llm.provider.LlmRequest;
import dev.sluice.llm.schema.RetrievalHints;
import dev.sluice.sql.source.Source;

import java.util.ArrayList;
import java.util.List;

/**
 * The prompt for one question: a system prompt with the engine's rules, and a user message with
 * the schema context, verified examples and the question. Everything in it is bounded: the schema
 * by its character budget, examples by their load limits, the question by the pipeline's limit.
 * It holds nothing from the configuration but table metadata: no credentials, no URLs.
 */
final class SqlPrompt {
    static final String PURPOSE = "sql";
    static final String REPAIR = "repair";

    private SqlPrompt() {
    }

    /** With {@code mayClarify} the model may answer with one clarifying question ({@link ClarifyingQuestion}) instead of SQL. */
    static String system(Source source, boolean mayClarify) {
        return "You are a careful data analyst who translates questions into SQL for " + DialectGuide.engine(source.dialect())
                + ". Answer with the SQL in one ```sql code fence, followed by at most one short sentence.\n\n"
                + (mayClarify ? CLARIFY : "")
                + DialectGuide.rules(source.dialect());
    }

    // strict and parseable; the bar is high so that clear questions are never held up
    private static final String CLARIFY = "Only if the question is ambiguous in a way that changes the answer (it could mean "
            + "different columns, tables, periods or definitions) and neither the schema nor common sense settles it, you may "
            + "instead ask the user one short clarifying question, in the user's language, with no SQL, in exactly this form:\n"
            + "CLARIFY: <the question>\n"
            + "OPTION: <a possible answer>   (optional: up to " + ClarifyingQuestion.MAX_OPTIONS + " lines, one per answer)\n"
            + "Ask only when you cannot pick a sensible reading; otherwise write the SQL.\n\n";

    static String user(Source source, String schema, int shown, int total, List<VerifiedExample> examples, String question,
                       RetrievalHints hints) {
        StringBuilder u = new StringBuilder();
        u.append("Schema of source ").append(source.name()).append(" (").append(shown).append(shown == total ? "" : " of " + total)
                .append(shown == 1 ? " table" : " tables").append(shown == total ? "" : ", chosen for this question")
                .append("):\n").append(schema.strip()).append("\n");
        if (!examples.isEmpty()) {
            u.append("\nVerified examples for this source:\n");
            for (VerifiedExample e : examples) {
                u.append("Question: ").append(e.question()).append("\n```sql\n").append(e.sql()).append("\n```\n");
            }
        }
        List<String> hinted = new ArrayList<>();
        if (hints.catalog() != null) {
            hinted.add("catalog " + hints.catalog());
        }
        if (hints.schema() != null) {
            hinted.add("database/schema " + hints.schema());
        }
        if (hints.table() != null) {
            hinted.add("table " + hints.table());
        }
        if (!hinted.isEmpty()) {
            u.append("\nThe user says the answer is in: ").append(String.join(", ", hinted)).append(".\n");
        }
        u.append("\nQuestion: ").append(question.strip()).append("\n");
        return u.toString();
    }

    static LlmRequest request(String system, String user, int maxTokens) {
        return new LlmRequest(system, List.of(LlmMessage.user(user)), maxTokens, null, PURPOSE, List.of());
    }

    /** The conversation so far plus the failed answer and what was wrong with it. */
    static LlmRequest repair(LlmRequest previous, String answer, String problem) {
        LlmRequest next = previous.followUp(answer, problem + "\nWrite a corrected query: one read-only statement in a ```sql fence.");
        return new LlmRequest(next.system(), next.messages(), next.maxTokens(), next.temperature(), REPAIR, next.stopSequences());
    }
}
