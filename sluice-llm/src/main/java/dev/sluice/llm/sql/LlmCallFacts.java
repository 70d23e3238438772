package dev.sluice.llm.sql;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What the model was asked and answered during one tool call, for the audit log: set on the
 * request with {@code RequestContext.setAttribute(LlmCallFacts.class, facts)} after SQL generation
 * and again (tokens added) after a summary.
 *
 * @param question      the natural-language question
 * @param generatedSql  the SQL the model wrote (the last attempt), or null when it wrote none
 * @param provider      the provider kind ({@code openai}, {@code sampling}, {@code none}, ...)
 * @param model         the model that answered, or the configured one when none answered
 * @param inputTokens   input tokens over every call of this request (0 when unreported)
 * @param outputTokens  output tokens over every call of this request (0 when unreported)
 * @param calls         how many completions were asked for
 * @param clarification the clarifying question the model asked and what came of it, or null when it asked none
 */
public record LlmCallFacts(String question, String generatedSql, String provider, String model,
                           long inputTokens, long outputTokens, int calls, Clarification clarification) {
    private static final String CLARIFICATION_LINE = "\n[clarification] ";
    // Clarification.describe() of an answered question: one line, as the audit keeps it
    private static final Pattern ANSWERED = Pattern.compile("asked \".*\"; the user answered \".*\"");

    public LlmCallFacts {
        requireNonNull(question, "question is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(model, "model is null");
        if (inputTokens < 0 || outputTokens < 0 || calls < 0) {
            throw new IllegalArgumentException("token counts and calls must not be negative");
        }
    }

    /** Facts of a call in which the model asked no clarifying question. */
    public LlmCallFacts(String question, String generatedSql, String provider, String model, long inputTokens, long outputTokens, int calls) {
        this(question, generatedSql, provider, model, inputTokens, outputTokens, calls, null);
    }

    /**
     * The question as the audit log records it: with the clarification, when there was one, on a
     * line of its own (the audit has no column of its own for it).
     */
    public String questionWithClarification() {
        return clarification == null ? question : question + CLARIFICATION_LINE + clarification.describe();
    }

    /**
     * The question as the model answered it, from what {@link #questionWithClarification()}
     * recorded: when the user answered a clarifying question, the question with the answer as
     * {@link TextToSql} put it to the model for the SQL it wrote ({@code Clarification: asked "…";
     * the user answered "…"} on its own line); when they did not, the question alone.
     */
    public static String questionAsAnswered(String recorded) {
        requireNonNull(recorded, "recorded is null");
        int at = recorded.lastIndexOf(CLARIFICATION_LINE);
        if (at < 0) {
            return recorded;
        }
        String question = recorded.substring(0, at);
        String described = recorded.substring(at + CLARIFICATION_LINE.length());
        if (!described.startsWith("asked \"") || described.contains("\n")) {
            return recorded; // not a line describe() wrote: the user's own text
        }
        return ANSWERED.matcher(described).matches() ? Clarification.clarifiedQuestion(question, described) : question;
    }

    /** These facts plus one more call's usage. */
    LlmCallFacts plus(String answeringModel, long input, long output) {
        return new LlmCallFacts(question, generatedSql, provider, answeringModel == null ? model : answeringModel,
                inputTokens + input, outputTokens + output, calls + 1, clarification);
    }
}
