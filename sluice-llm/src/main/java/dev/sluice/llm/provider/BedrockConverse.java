package dev.sluice.llm.provider;

import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The Converse API, {@code POST /model/{modelId}/converse}: Bedrock's own model-neutral request shape, built and read by the SDK. */
final class BedrockConverse implements BedrockOperation {
    @Override
    public String name() {
        return "Converse";
    }

    @Override
    public Answer send(BedrockRuntimeClient client, String modelId, LlmRequest request) {
        List<Message> messages = request.messages().stream().map(m -> Message.builder()
                .role(m.role() == LlmMessage.Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
                .content(ContentBlock.fromText(m.text()))
                .build()).toList();
        InferenceConfiguration.Builder inference = InferenceConfiguration.builder().maxTokens(request.maxTokens());
        if (request.temperature() != null) {
            inference.temperature(request.temperature().floatValue());
        }
        if (!request.stopSequences().isEmpty()) {
            inference.stopSequences(request.stopSequences());
        }
        ConverseRequest.Builder converse = ConverseRequest.builder()
                .modelId(modelId)
                .messages(messages)
                .inferenceConfig(inference.build());
        if (!request.system().isEmpty()) {
            converse.system(SystemContentBlock.fromText(request.system()));
        }
        return read(client.converse(converse.build()));
    }

    private static Answer read(ConverseResponse response) {
        if (response.output() == null || response.output().message() == null) {
            throw new LlmException(LlmException.Kind.MALFORMED, BedrockProvider.KIND,
                    "the Converse answer has no output message; check llm.model and llm.base_url");
        }
        String text = response.output().message().content().stream()
                .map(ContentBlock::text).filter(Objects::nonNull).collect(Collectors.joining());
        Usage usage = response.usage() == null ? Usage.UNREPORTED : Usage.of(
                Objects.requireNonNullElse(response.usage().inputTokens(), 0),
                Objects.requireNonNullElse(response.usage().outputTokens(), 0));
        return new Answer(text, Objects.requireNonNullElse(response.stopReasonAsString(), ""), usage);
    }
}
