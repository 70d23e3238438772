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
