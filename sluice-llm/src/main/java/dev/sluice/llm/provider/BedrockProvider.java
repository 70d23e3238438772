package dev.sluice.llm.provider;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One attempt at the Bedrock runtime Converse API ({@code POST /model/{modelId}/converse}) through
 * AWS SDK v2, signed with SigV4. Credentials are the static keys from config, else the AWS default
 * chain (environment, profile, container or instance role); the region is {@code llm.region}, else
 * the AWS default region chain. {@code base_url} overrides the endpoint (VPC endpoints, tests).
 */
final class BedrockProvider extends SdkProvider {
    static final String KIND = "bedrock";
    private final BedrockRuntimeClient client;

    BedrockProvider(LlmSettings settings, Clock clock) {
        super(KIND, settings, clock);
        var builder = BedrockRuntimeClient.builder()
                .region(region(settings))
                .credentialsProvider(credentials(settings))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(settings.timeout())
                        .apiCallTimeout(settings.timeout())
                        .build());
        if (settings.baseUrl() != null) {
            builder.endpointOverride(settings.baseUrl());
        }
        this.client = builder.build();
    }

    private static Region region(LlmSettings settings) {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            throw new LlmException(LlmException.Kind.NOT_CONFIGURED, KIND,
                    "no AWS region: set llm.region (e.g. us-east-1) or the AWS_REGION environment variable");
        }
    }

    private static AwsCredentialsProvider credentials(LlmSettings settings) {
        if (settings.accessKeyId() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(settings.sessionToken() == null
                ? AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())
                : AwsSessionCredentials.create(settings.accessKeyId(), settings.secretAccessKey(), settings.sessionToken()));
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        List<Message> messages = new ArrayList<>();
        for (LlmMessage m : request.messages()) {
            messages.add(Message.builder()
                    .role(m.role() == LlmMessage.Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT)
                    .content(ContentBlock.fromText(m.text()))
                    .build());
        }
        InferenceConfiguration.Builder inference = InferenceConfiguration.builder()
                .maxTokens(request.maxTokens() != null ? request.maxTokens() : settings.maxTokens());
        Double temperature = request.temperature() != null ? request.temperature() : settings.temperature();
        if (temperature != null) {
            inference.temperature(temperature.floatValue());
        }
        if (!request.stopSequences().isEmpty()) {
            inference.stopSequences(request.stopSequences());
        }
        ConverseRequest.Builder converse = ConverseRequest.builder()
                .modelId(settings.model())
                .messages(messages)
                .inferenceConfig(inference.build());
        if (!request.system().isEmpty()) {
            converse.system(SystemContentBlock.fromText(request.system()));
        }
        Instant start = clock.instant();
        ConverseResponse response;
        try {
            response = client.converse(converse.build());
        } catch (AwsServiceException e) {
            throw fromService(e);
        } catch (SdkException e) {
            if (unreadable(e)) {
                throw malformed(e);
            }
            throw Failures.fromTransport(KIND, e, settings.timeout());
        }
        return toResponse(response, Duration.between(start, clock.instant()));
    }

    private LlmException fromService(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        String retryAfter = e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null ? null
                : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").orElse(null);
        int status = e.statusCode();
        if (e instanceof ThrottlingException || e instanceof ServiceQuotaExceededException) {
            status = 429;
        } else if (e instanceof ModelTimeoutException) {
            status = 408;
        }
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String said = code == null ? message : code + (message == null ? "" : ": " + message);
        return Failures.fromStatus(KIND, status, said, retryAfter, settings.secrets());
    }

    private static boolean unreadable(SdkException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.contains("Json") || name.contains("Parse") || Failures.lower(t.getMessage()).contains("unmarshall")) {
                return true;
            }
        }
        return false;
    }

    private LlmResponse toResponse(ConverseResponse response, Duration latency) {
        if (response.output() == null || response.output().message() == null) {
            throw new LlmException(LlmException.Kind.MALFORMED, KIND, "the Converse answer has no output message; check llm.model and llm.base_url");
        }
        String text = response.output().message().content().stream()
                .map(ContentBlock::text).filter(Objects::nonNull).collect(Collectors.joining());
        LlmResponse.StopReason stop = switch (Objects.requireNonNullElse(response.stopReasonAsString(), "")) {
            case "end_turn" -> LlmResponse.StopReason.END_TURN;
            case "max_tokens", "model_context_window_exceeded" -> LlmResponse.StopReason.MAX_TOKENS;
            case "stop_sequence" -> LlmResponse.StopReason.STOP_SEQUENCE;
            case "guardrail_intervened", "content_filtered" -> LlmResponse.StopReason.REFUSAL;
            default -> LlmResponse.StopReason.OTHER;
        };
        if (stop == LlmResponse.StopReason.REFUSAL && text.isBlank()) {
            throw new LlmException(LlmException.Kind.REFUSED, KIND,
                    "a guardrail or content filter stopped the answer (" + response.stopReasonAsString() + "); rephrase the question");
        }
        Usage usage = response.usage() == null ? Usage.UNREPORTED : Usage.of(
                Objects.requireNonNullElse(response.usage().inputTokens(), 0),
                Objects.requireNonNullElse(response.usage().outputTokens(), 0));
        return new LlmResponse(text, settings.model(), stop, usage, latency);
    }

    private LlmException malformed(SdkException e) {
        return new LlmException(LlmException.Kind.MALFORMED, KIND,
                "the answer is not a valid Converse response; check llm.base_url points at a Bedrock runtime endpoint", null, e);
    }

    @Override
    public void close() {
        client.close();
    }
}
