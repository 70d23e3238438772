package dev.sluice.llm.provider;

import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import static java.util.Objects.requireNonNull;

/**
 * One Bedrock runtime operation ({@code llm.bedrock_api}): how a request becomes that operation's
 * call and how its answer reads. {@link BedrockProvider} does everything else once for all of them:
 * client, credentials, timeouts, error mapping, stop reasons and refusals.
 */
interface BedrockOperation {
    /** The operation's name as AWS writes it, for messages: {@code Converse}, {@code InvokeModel}. */
    String name();

    /**
     * Sends one attempt. SDK exceptions pass through for the provider to map; an answer that does not
     * read as this operation's response is an {@link LlmException} of kind MALFORMED.
     *
     * @param request with {@code max_tokens}, and {@code temperature} when configured, already filled in
     */
    Answer send(BedrockRuntimeClient client, String modelId, LlmRequest request);

    /**
     * What a model said, before the provider judges it.
     *
     * @param stopReason as the operation names it ({@code end_turn}, {@code refusal}, …); empty when absent
     */
    record Answer(String text, String stopReason, Usage usage) {
        public Answer {
            requireNonNull(text, "text is null");
            requireNonNull(stopReason, "stopReason is null");
            requireNonNull(usage, "usage is null");
        }
    }
}
