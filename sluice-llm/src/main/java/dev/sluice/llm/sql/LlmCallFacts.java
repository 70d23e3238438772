package dev.sluice.llm.sql;

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
 */
public record LlmCallFacts(String question, String generatedSql, String provider, String model,
                           long inputTokens, long outputTokens, int calls) {
    public LlmCallFacts {
        requireNonNull(question, "question is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(model, "model is null");
        if (inputTokens < 0 || outputTokens < 0 || calls < 0) {
            throw new IllegalArgumentException("token counts and calls must not be negative");
        }
    }

    /** These facts plus one more call's usage. */
    LlmCallFacts plus(String answeringModel, long input, long output) {
        return new LlmCallFacts(question, generatedSql, provider, answeringModel == null ? model : answeringModel,
                inputTokens + input, outputTokens + output, calls + 1);
    }
}
