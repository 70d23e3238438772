package dev.sluice.llm.sql;

import static java.util.Objects.requireNonNull;

/**
 * What the model was asked and answered during one tool call, for the audit log: set on the
 * request with {@code RequestContext.setAttribute(LlmCallFacts.class, facts)} after SQL generation
 * and again (tokens added) after a summary.
 *
 * @param question      the natural-language question, exactly as the client sent it
 * @param generatedSql  the SQL the model wrote (the last attempt), or null when it wrote none
 * @param provider      the provider kind ({@code openai}, {@code sampling}, {@code none}, ...)
 * @param model         the model that answered, or the configured one when none answered
 * @param inputTokens   input tokens over the calls made on this request (0 when unreported); on 2026-07-28
 *                      rounds, only the calls made on this round, not answers replayed from the request state
 * @param outputTokens  output tokens, counted as {@code inputTokens}
 * @param calls         how many completions were asked for, counted as {@code inputTokens}
 * @param clarification the clarifying question the model asked and what came of it, or null when it asked none;
 *                      the audit log keeps it in a field of its own ({@link Clarification#toJson()}), never in the question
 */
public record LlmCallFacts(String question, String generatedSql, String provider, String model,
                           long inputTokens, long outputTokens, int calls, Clarification clarification) {
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

    /** These facts plus one more call's usage. */
    LlmCallFacts plus(String answeringModel, long input, long output) {
        return new LlmCallFacts(question, generatedSql, provider, answeringModel == null ? model : answeringModel,
                inputTokens + input, outputTokens + output, calls + 1, clarification);
    }
}
