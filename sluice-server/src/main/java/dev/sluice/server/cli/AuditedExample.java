package dev.sluice.server.cli;

import dev.sluice.audit.AuditKind;
import dev.sluice.audit.AuditRecord;
import dev.sluice.audit.AuditStatus;
import dev.sluice.llm.sql.Clarification;
import dev.sluice.llm.sql.VerifiedExample;

/**
 * The verified example an audited call makes: its source, the question as the model answered it
 * (with the user's answer to a clarifying question, see {@link Clarification#questionAsAnswered})
 * and the final SQL. Only a successful tool call that had both a question and SQL makes one.
 */
final class AuditedExample {
    private AuditedExample() {
    }

    /**
     * @throws IllegalArgumentException saying why {@code record} cannot become an example
     */
    static VerifiedExample from(AuditRecord record) {
        String id = "audit record " + record.id();
        if (record.kind() != AuditKind.TOOL_CALL) {
            throw refused(id + " is a " + record.kind().wireName().replace('_', ' ') + " (status " + record.status().wireName()
                    + "), not a tool call");
        }
        if (record.status() != AuditStatus.OK) {
            throw refused(id + " is a " + record.tool() + " call that ended with status " + record.status().wireName()
                    + (record.error() == null ? "" : " (" + oneLine(record.error()) + ")"));
        }
        if (blank(record.question())) {
            throw refused(id + " is a " + record.tool() + " call without a natural-language question (SQL the caller wrote)");
        }
        if (blank(record.finalSql()) || blank(record.source())) {
            throw refused(id + " is a " + record.tool() + " call without " + (blank(record.finalSql()) ? "SQL" : "a source"));
        }
        return new VerifiedExample(record.source(), Clarification.questionAsAnswered(record.question(), record.clarification()), record.finalSql());
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException(why + ": only a successful call with a question and SQL can become an example; "
                + "write one by hand with --source, --question and --sql");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String oneLine(String s) {
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
