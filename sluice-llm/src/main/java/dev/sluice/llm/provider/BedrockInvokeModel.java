package dev.sluice.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

import java.io.IOException;

/**
 * InvokeModel, {@code POST /model/{modelId}/invoke}, with the Anthropic Messages body as Bedrock
 * takes it: {@code anthropic_version} goes in the body rather than a header, and there is no
 * {@code model} field because the model is in the path. The SDK signs and sends our bytes and hands
 * back the model's bytes unread, so every check on the answer's shape is here.
 */
final class BedrockInvokeModel implements BedrockOperation {
    /** The one version Bedrock accepts for Claude's Messages body. */
    static final String ANTHROPIC_VERSION = "bedrock-2023-05-31";

    @Override
    public String name() {
        return "InvokeModel";
    }

    @Override
    public Answer send(BedrockRuntimeClient client, String modelId, LlmRequest request) {
        InvokeModelResponse response = client.invokeModel(InvokeModelRequest.builder()
                .modelId(modelId)
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromByteArrayUnsafe(Json.bytes(body(request))))
                .build());
        return read(response.body() == null ? new byte[0] : response.body().asByteArrayUnsafe());
    }

    static ObjectNode body(LlmRequest request) {
        ObjectNode body = Json.object();
        body.put("anthropic_version", ANTHROPIC_VERSION);
        body.put("max_tokens", request.maxTokens());
        if (!request.system().isEmpty()) {
            body.put("system", request.system());
        }
        ArrayNode messages = body.putArray("messages");
        for (LlmMessage m : request.messages()) {
            messages.addObject()
                    .put("role", m.role() == LlmMessage.Role.USER ? "user" : "assistant")
                    .putArray("content").addObject().put("type", "text").put("text", m.text());
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (!request.stopSequences().isEmpty()) {
            request.stopSequences().forEach(body.putArray("stop_sequences")::add);
        }
        return body;
    }

    static Answer read(byte[] bytes) {
        JsonNode answer;
        try {
            answer = Json.parse(bytes);
        } catch (IOException e) {
            throw malformed("it is not JSON", e);
        }
        if (answer == null || !answer.isObject()) {
            throw malformed("it is not a JSON object", null);
        }
        JsonNode content = answer.path("content");
        if (!content.isArray()) {
            throw malformed("it has no content array", null);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            // thinking and tool_use blocks carry no answer text
            if ("text".equals(block.path("type").asText())) {
                if (!block.path("text").isTextual()) {
                    throw malformed("a text block has no text", null);
                }
                text.append(block.get("text").asText());
            }
        }
        JsonNode stop = answer.path("stop_reason");
        return new Answer(text.toString(), stop.isTextual() ? stop.asText() : "", usage(answer.path("usage")));
    }

    private static Usage usage(JsonNode usage) {
        if (usage.isMissingNode() || usage.isNull()) {
            return Usage.UNREPORTED;
        }
        return Usage.of(tokens(usage, "input_tokens"), tokens(usage, "output_tokens"));
    }

    private static long tokens(JsonNode usage, String field) {
        JsonNode count = usage.path(field);
        if (count.isMissingNode()) {
            return 0;
        }
        if (!count.isIntegralNumber() || count.asLong() < 0) {
            throw malformed("usage." + field + " is not a token count", null);
        }
        return count.asLong();
    }

    private static LlmException malformed(String what, Throwable cause) {
        return new LlmException(LlmException.Kind.MALFORMED, BedrockProvider.KIND,
                "the InvokeModel answer is not an Anthropic Messages response (" + what + "); check that llm.model is a "
                        + "Claude model and llm.base_url points at a Bedrock runtime endpoint", null, cause);
    }
}
