package dev.sluice.llm.provider;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * One attempt at the Anthropic Messages API ({@code POST {base_url}/v1/messages}) through the
 * official SDK with its own {@code anthropic-version}; the key goes in {@code x-api-key}. The SDK's
 * retries are off; {@link RetryingProvider} retries.
 */
final class AnthropicProvider extends SdkProvider {
    static final String KIND = "anthropic";
    private final AnthropicClient client;

    AnthropicProvider(LlmSettings settings, Clock clock) {
        super(KIND, settings, clock);
        AnthropicOkHttpClient.Builder builder = AnthropicOkHttpClient.builder()
                .apiKey(settings.apiKey())
                // This SDK sends a bare api key as "Authorization: Bearer"; the Messages API documents
                // x-api-key for keys (and gateways in front of it expect that), so send it that way.
                // With X-Api-Key present the SDK adds no Authorization header.
                .putHeader("X-Api-Key", settings.apiKey())
                .maxRetries(0)
                .timeout(settings.timeout());
        if (settings.baseUrl() != null) {
            builder.baseUrl(settings.baseUrl().toString());
        }
        this.client = builder.build();
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        MessageCreateParams.Builder params = MessageCreateParams.builder()
                .model(settings.model())
                .maxTokens(request.maxTokens() != null ? request.maxTokens() : settings.maxTokens());
        if (!request.system().isEmpty()) {
            params.system(request.system());
        }
        for (LlmMessage m : request.messages()) {
            if (m.role() == LlmMessage.Role.USER) {
                params.addUserMessage(m.text());
            } else {
                params.addAssistantMessage(m.text());
            }
        }
        Double temperature = request.temperature() != null ? request.temperature() : settings.temperature();
        if (temperature != null) {
            // this SDK version has no typed setter; the wire field is still "temperature"
            params.putAdditionalBodyProperty("temperature", JsonValue.from(temperature));
        }
        if (!request.stopSequences().isEmpty()) {
            params.stopSequences(request.stopSequences());
        }
        Instant start = clock.instant();
        Message message;
        try {
            message = client.messages().create(params.build());
        } catch (AnthropicServiceException e) {
            throw Failures.fromStatus(KIND, e.statusCode(), e.apiMessage().orElse(null),
                    e.headers().values("retry-after").stream().findFirst().orElse(null), settings.secrets());
        } catch (AnthropicInvalidDataException e) {
            throw malformed(e);
        } catch (AnthropicException e) {
            throw Failures.fromTransport(KIND, e, settings.timeout());
        }
        return toResponse(message, Duration.between(start, clock.instant()));
    }

    private LlmResponse toResponse(Message message, Duration latency) {
        try {
            String text = message.content().stream()
                    .map(ContentBlock::text)
                    .flatMap(java.util.Optional::stream)
                    .map(t -> t.text())
                    .collect(Collectors.joining());
            LlmResponse.StopReason stop = LlmResponse.StopReason.fromClaude(message.stopReason().map(StopReason::asString).orElse(null));
            if (stop == LlmResponse.StopReason.REFUSAL && text.isBlank()) {
                throw new LlmException(LlmException.Kind.REFUSED, KIND,
                        "the model declined to answer (stop_reason refusal); rephrase the question");
            }
            return new LlmResponse(text, message.model().asString(), stop,
                    Usage.of(message.usage().inputTokens(), message.usage().outputTokens()), latency);
        } catch (AnthropicInvalidDataException e) {
            throw malformed(e);
        }
    }

    private static LlmException malformed(AnthropicException e) {
        return new LlmException(LlmException.Kind.MALFORMED, KIND,
                "the answer is not a valid Messages API response (" + Failures.quote(e.getMessage(), java.util.List.of())
                        + "); check llm.base_url points at an Anthropic-compatible API", null, e);
    }

    @Override
    public void close() {
        client.close();
    }
}
