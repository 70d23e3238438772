package dev.sluice.llm.provider;

/**
 * Tokens a call consumed, as the provider reported them. {@code reported} is false where the
 * provider says nothing about usage (sampling: the client's model is the client's business).
 */
public record Usage(long inputTokens, long outputTokens, boolean reported) {
    public static final Usage UNREPORTED = new Usage(0, 0, false);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative, got " + inputTokens + "/" + outputTokens);
        }
    }

    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, outputTokens, true);
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
