package dev.sluice.llm.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The values of {@code llm.bedrock_api}: which Bedrock runtime operation the {@code bedrock} provider
 * calls. Converse is Bedrock's model-neutral chat API; InvokeModel takes the model vendor's own body,
 * here the Anthropic Messages body, for accounts or policies that allow only {@code InvokeModel} and
 * for features Converse lags behind on.
 */
public enum BedrockApi {
    /** {@code POST /model/{modelId}/converse}. */
    CONVERSE,
    /** {@code POST /model/{modelId}/invoke} with the Anthropic Messages body. */
    INVOKE_MODEL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BedrockApi> of(String wireName) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(wireName)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(BedrockApi::wireName).collect(Collectors.joining(" or "));
    }
}
