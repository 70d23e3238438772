package dev.sluice.llm.sql;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Tuning of the text-to-SQL pipeline.
 *
 * @param maxRepairs       how many times a failed attempt is fed back to the model (0–5)
 * @param maxTables        the most tables retrieved into the prompt
 * @param schemaChars      the character budget of the schema context
 * @param maxQuestionChars longer questions are refused (ask to shorten them)
 * @param examples         how many verified examples go into the prompt (0–10)
 * @param sqlMaxTokens     output token limit of a SQL answer
 * @param catalogMaxAge    how long a source's schema snapshot is reused before it is read again
 * @param validate         whether generated SQL is checked by the engine ({@code EXPLAIN}) before it is returned
 * @param clarifyingQuestions whether the model may ask the user one clarifying question about an ambiguous question,
 *                         on calls whose client accepts elicitation (config {@code llm.clarifying_questions})
 */
public record TextToSqlSettings(int maxRepairs, int maxTables, int schemaChars, int maxQuestionChars, int examples,
                                int sqlMaxTokens, Duration catalogMaxAge, boolean validate, boolean clarifyingQuestions) {
    public static final TextToSqlSettings DEFAULTS = new TextToSqlSettings(2, 8, 12_000, 2_000, 3, 1024, Duration.ofMinutes(10), true, true);

    public TextToSqlSettings {
        requireNonNull(catalogMaxAge, "catalogMaxAge is null");
        range("maxRepairs", maxRepairs, 0, 5);
        range("maxTables", maxTables, 1, 100);
        range("schemaChars", schemaChars, 500, 200_000);
        range("maxQuestionChars", maxQuestionChars, 50, 20_000);
        range("examples", examples, 0, 10);
        range("sqlMaxTokens", sqlMaxTokens, 64, 32_000);
        if (catalogMaxAge.isNegative()) {
            throw new IllegalArgumentException("catalogMaxAge must not be negative, got " + catalogMaxAge);
        }
    }

    public TextToSqlSettings withMaxRepairs(int value) {
        return new TextToSqlSettings(value, maxTables, schemaChars, maxQuestionChars, examples, sqlMaxTokens, catalogMaxAge, validate,
                clarifyingQuestions);
    }

    public TextToSqlSettings withValidate(boolean value) {
        return new TextToSqlSettings(maxRepairs, maxTables, schemaChars, maxQuestionChars, examples, sqlMaxTokens, catalogMaxAge, value,
                clarifyingQuestions);
    }

    public TextToSqlSettings withClarifyingQuestions(boolean value) {
        return new TextToSqlSettings(maxRepairs, maxTables, schemaChars, maxQuestionChars, examples, sqlMaxTokens, catalogMaxAge, validate,
                value);
    }

    private static void range(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + v);
        }
    }
}
