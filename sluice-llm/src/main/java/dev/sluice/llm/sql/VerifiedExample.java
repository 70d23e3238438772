package dev.sluice.llm.sql;

import static java.util.Objects.requireNonNull;

/**
 * A question with SQL a person checked, shown to the model as an example.
 *
 * @param source the source it applies to, or {@code *} for every source
 * @param question the question as a user would ask it
 * @param sql the verified SQL, one statement
 */
public record VerifiedExample(String source, String question, String sql) {
    public VerifiedExample {
        requireNonNull(source, "source is null");
        requireNonNull(question, "question is null");
        requireNonNull(sql, "sql is null");
        if (source.isBlank() || question.isBlank() || sql.isBlank()) {
            throw new IllegalArgumentException("source, question and sql must not be blank");
        }
    }

    /** Whether it is shown for questions about {@code sourceName}: its own source (any case) or every source. */
    public boolean appliesTo(String sourceName) {
        return source.equals("*") || source.equalsIgnoreCase(sourceName);
    }
}
