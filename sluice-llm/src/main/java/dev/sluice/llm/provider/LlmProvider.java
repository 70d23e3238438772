package dev.sluice.llm.provider;

/**
 * A model to ask. Implementations are thread-safe except the sampling provider, which is bound to
 * the one MCP request it was made for; get providers from {@link LlmProviders#forCall}.
 */
public interface LlmProvider {
    /**
     * Asks the model, blocking until it answers, retrying transient failures per the configured policy.
     *
     * @throws LlmException when no answer could be had; its {@link LlmException#kind()} says why
     * @throws RuntimeException the sampling provider lets {@code dev.sluice.mcp.server.InputRequired}
     *                          (2026-07-28 multi round trip) and request cancellation pass through
     *                          unchanged: callers must not catch them
     */
    LlmResponse complete(LlmRequest request);

    /** The provider kind as configured: {@code anthropic}, {@code openai}, {@code bedrock}, {@code sampling} or {@code none}. */
    String kind();

    /** The model asked for: the configured name, the sampling hint, or a description when there is none. */
    String model();

    /** False for the {@code none} provider, whose {@link #complete} always throws {@link LlmException.Kind#NOT_CONFIGURED}. */
    default boolean available() {
        return true;
    }
}
