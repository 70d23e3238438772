package dev.sluice.llm.provider;

import static java.util.Objects.requireNonNull;

/**
 * No model to ask. {@link #complete} always throws {@link LlmException.Kind#NOT_CONFIGURED} with
 * {@link #reason()}; callers check {@link #available()} first and fall back (text_to_sql answers
 * with schema context and instructions so the client's own model can write the SQL).
 */
public final class NoneProvider implements LlmProvider {
    static final String KIND = "none";
    private final String reason;

    NoneProvider(String reason) {
        this.reason = requireNonNull(reason, "reason is null");
    }

    /** Why there is no model, and what would give one. */
    public String reason() {
        return reason;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        throw new LlmException(LlmException.Kind.NOT_CONFIGURED, KIND, "no LLM configured: " + reason);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String model() {
        return KIND;
    }

    @Override
    public boolean available() {
        return false;
    }
}
