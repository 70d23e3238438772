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
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt at the Bedrock runtime through AWS SDK v2, signed with SigV4, by the operation
 * {@code llm.bedrock_api} names: Converse ({@code POST /model/{modelId}/converse}, the default) or
 * InvokeModel with the Anthropic Messages body ({@code POST /model/{modelId}/invoke}). Both share
 * everything but the request and answer shapes (see {@link BedrockOperation}). Credentials are the
 * static keys from config, else the AWS default chain (environment, profile, container or instance
 * role); the region is {@code llm.region}, else the AWS default region chain. {@code base_url}
 * overrides the endpoint (VPC endpoints, tests).
 */
final class BedrockProvider extends SdkProvider {
    static final String KIND = "bedrock";
    private final BedrockRuntimeClient client;
    private final BedrockOperation operation;

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
        this.operation = switch (settings.bedrockApi()) {
            case CONVERSE -> new BedrockConverse();
            case INVOKE_MODEL -> new BedrockInvokeModel();
        };
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
        Instant start = clock.instant();
        BedrockOperation.Answer answer;
        try {
            answer = operation.send(client, settings.model(), settings.withDefaults(request));
        } catch (AwsServiceException e) {
            throw fromService(e);
        } catch (SdkException e) {
            if (unreadable(e)) {
                throw malformed(e);
            }
            throw Failures.fromTransport(KIND, e, settings.timeout());
        }
        return toResponse(answer, Duration.between(start, clock.instant()));
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

    private LlmResponse toResponse(BedrockOperation.Answer answer, Duration latency) {
        LlmResponse.StopReason stop = LlmResponse.StopReason.fromClaude(answer.stopReason());
        if (stop == LlmResponse.StopReason.REFUSAL && answer.text().isBlank()) {
            String who = answer.stopReason().equals("refusal") ? "the model declined to answer" : "a guardrail or content filter stopped the answer";
            throw new LlmException(LlmException.Kind.REFUSED, KIND, who + " (" + answer.stopReason() + "); rephrase the question");
        }
        // the configured id, so an inference profile (us.anthropic.…) is reported as what was asked for
        return new LlmResponse(answer.text(), settings.model(), stop, answer.usage(), latency);
    }

    private LlmException malformed(SdkException e) {
        return new LlmException(LlmException.Kind.MALFORMED, KIND, "the answer is not a valid " + operation.name()
                + " response; check llm.base_url points at a Bedrock runtime endpoint", null, e);
    }

    @Override
    public void close() {
        client.close();
    }
}
