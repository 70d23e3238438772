package dev.sluice.llm.provider;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One completion to ask for.
 *
 * @param system        the system prompt; empty for none
 * @param messages      the conversation, starting with a user turn
 * @param maxTokens     the most tokens to generate; null uses {@code llm.max_tokens}
 * @param temperature   sampling temperature 0–2; null uses {@code llm.temperature}, or the model's default
 * @param purpose       what the call is for ({@code sql}, {@code repair}, {@code summary}); used in
 *                      sampling request keys and logs, never sent to HTTP providers
 * @param stopSequences strings that end generation; empty for none
 */
public record LlmRequest(String system, List<LlmMessage> messages, Integer maxTokens, Double temperature,
                         String purpose, List<String> stopSequences) {
    public LlmRequest {
        requireNonNull(system, "system is null");
        requireNonNull(purpose, "purpose is null");
        messages = List.copyOf(requireNonNull(messages, "messages is null"));
        stopSequences = List.copyOf(requireNonNull(stopSequences, "stopSequences is null"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages is empty: a request needs at least one user message");
        }
        if (messages.getFirst().role() != LlmMessage.Role.USER) {
            throw new IllegalArgumentException("the first message must come from the user");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
        }
        if (temperature != null && (temperature < 0 || temperature > 2 || temperature.isNaN())) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature);
        }
        if (!purpose.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("purpose must be a short lower-case word such as sql or summary, got '" + purpose + "'");
        }
    }

    /** A single user message with a system prompt, using the configured token and temperature defaults. */
    public static LlmRequest of(String purpose, String system, String userText) {
        return new LlmRequest(system, List.of(LlmMessage.user(userText)), null, null, purpose, List.of());
    }

    public LlmRequest withMaxTokens(int value) {
        return new LlmRequest(system, messages, value, temperature, purpose, stopSequences);
    }

    public LlmRequest withTemperature(double value) {
        return new LlmRequest(system, messages, maxTokens, value, purpose, stopSequences);
    }

    public LlmRequest withStopSequences(List<String> value) {
        return new LlmRequest(system, messages, maxTokens, temperature, purpose, value);
    }

    /** The conversation so far plus the model's answer and a follow-up (e.g. a repair after an engine error). */
    public LlmRequest followUp(String assistantText, String userText) {
        List<LlmMessage> more = new java.util.ArrayList<>(messages);
        more.add(LlmMessage.assistant(assistantText));
        more.add(LlmMessage.user(userText));
        return new LlmRequest(system, more, maxTokens, temperature, purpose, stopSequences);
    }
}
