package dev.sluice.llm.provider;

import java.time.Duration;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A model's answer.
 *
 * @param text       the generated text (text blocks joined); may be empty
 * @param model      the model that answered, as the provider named it
 * @param stopReason why generation stopped, normalised across providers
 * @param usage      tokens consumed
 * @param latency    time of the successful attempt (retries not included)
 */
public record LlmResponse(String text, String model, StopReason stopReason, Usage usage, Duration latency) {
    /** Why a model stopped, in one vocabulary for every provider. */
    public enum StopReason {
        /** The model finished its answer. */
        END_TURN,
        /** It hit the token limit: the text is probably cut off. */
        MAX_TOKENS,
        /** A stop sequence ended it. */
        STOP_SEQUENCE,
        /** The provider's safety layer refused or filtered the answer. */
        REFUSAL,
        /** Anything else (tool use, a reason this build does not know). */
        OTHER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * A stop reason as Claude's APIs write it: the Messages API (direct, and InvokeModel on
         * Bedrock) and Bedrock Converse share these names, Converse adding its guardrail and filter ones.
         */
        static StopReason fromClaude(String wire) {
            return switch (wire == null ? "" : wire) {
                case "end_turn" -> END_TURN;
                case "max_tokens", "model_context_window_exceeded" -> MAX_TOKENS;
                case "stop_sequence" -> STOP_SEQUENCE;
                case "refusal", "guardrail_intervened", "content_filtered" -> REFUSAL;
                default -> OTHER;
            };
        }
    }

    public LlmResponse {
        requireNonNull(text, "text is null");
        requireNonNull(model, "model is null");
        requireNonNull(stopReason, "stopReason is null");
        requireNonNull(usage, "usage is null");
        requireNonNull(latency, "latency is null");
    }

    public boolean truncated() {
        return stopReason == StopReason.MAX_TOKENS;
    }
}
