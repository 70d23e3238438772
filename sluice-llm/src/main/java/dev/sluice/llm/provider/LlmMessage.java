package dev.sluice.llm.provider;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/** One turn of a conversation sent to a model; the system prompt travels separately in {@link LlmRequest}. */
public record LlmMessage(Role role, String text) {
    public enum Role {
        USER, ASSISTANT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LlmMessage {
        requireNonNull(role, "role is null");
        requireNonNull(text, "text is null");
    }

    public static LlmMessage user(String text) {
        return new LlmMessage(Role.USER, text);
    }

    public static LlmMessage assistant(String text) {
        return new LlmMessage(Role.ASSISTANT, text);
    }
}
