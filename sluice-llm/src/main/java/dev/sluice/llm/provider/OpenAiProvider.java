package dev.sluice.llm.provider;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt at an OpenAI-compatible chat-completions endpoint ({@code POST {base_url}/chat/completions})
 * through the official SDK: OpenAI itself, or a local vLLM, Ollama or llama.cpp server. Without
 * {@code api_key} no {@code Authorization} header is sent. Against api.openai.com the token limit
 * goes out as {@code max_completion_tokens} (what current OpenAI models require); against any other
 * base URL as {@code max_tokens}, which every compatible server understands.
 */
final class OpenAiProvider extends SdkProvider {
    static final String KIND = "openai";
    static final String OPENAI_HOST = "api.openai.com";
    /** Placeholder the SDK insists on when there is no key; the header it would make is removed. */
    private static final String NO_KEY = "no-key";
    private final OpenAIClient client;
    private final boolean officialApi;

    OpenAiProvider(LlmSettings settings, Clock clock) {
        super(KIND, settings, clock);
        this.officialApi = officialApi(settings.baseUrl());
        OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                .apiKey(settings.apiKey() != null ? settings.apiKey() : NO_KEY)
                .maxRetries(0)
                .timeout(settings.timeout());
        if (settings.baseUrl() != null) {
            builder.baseUrl(settings.baseUrl().toString());
        }
        if (settings.apiKey() == null) {
            builder.addInterceptor(new DropAuthorization());
        }
        this.client = builder.build();
    }

    /** True for OpenAI's own API (no base_url, or its host), which wants max_completion_tokens. */
    static boolean officialApi(java.net.URI baseUrl) {
        return baseUrl == null || OPENAI_HOST.equalsIgnoreCase(baseUrl.getHost());
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(settings.model());
        if (!request.system().isEmpty()) {
            params.addSystemMessage(request.system());
        }
        for (LlmMessage m : request.messages()) {
            if (m.role() == LlmMessage.Role.USER) {
                params.addUserMessage(m.text());
            } else {
                params.addAssistantMessage(m.text());
            }
        }
        long maxTokens = request.maxTokens() != null ? request.maxTokens() : settings.maxTokens();
        if (officialApi) {
            params.maxCompletionTokens(maxTokens);
        } else {
            params.maxTokens(maxTokens);
        }
        Double temperature = request.temperature() != null ? request.temperature() : settings.temperature();
        if (temperature != null) {
            params.temperature(temperature);
        }
        if (!request.stopSequences().isEmpty()) {
            params.stop(ChatCompletionCreateParams.Stop.ofStrings(request.stopSequences()));
        }
        Instant start = clock.instant();
        ChatCompletion completion;
        try {
            completion = client.chat().completions().create(params.build());
        } catch (OpenAIServiceException e) {
            throw Failures.fromStatus(KIND, e.statusCode(), e.getMessage(),
                    e.headers().values("retry-after").stream().findFirst().orElse(null), settings.secrets());
        } catch (OpenAIInvalidDataException e) {
            throw malformed(e);
        } catch (OpenAIException e) {
            throw Failures.fromTransport(KIND, e, settings.timeout());
        }
        return toResponse(completion, Duration.between(start, clock.instant()));
    }

    private LlmResponse toResponse(ChatCompletion completion, Duration latency) {
        try {
            if (completion.choices().isEmpty()) {
                throw new LlmException(LlmException.Kind.MALFORMED, KIND, "the answer has no choices; check llm.model and llm.base_url");
            }
            ChatCompletion.Choice choice = completion.choices().getFirst();
            String text = choice.message().content().orElse("");
            String refusal = choice.message().refusal().orElse(null);
            if (text.isEmpty() && refusal != null && !refusal.isBlank()) {
                throw new LlmException(LlmException.Kind.REFUSED, KIND,
                        "the model declined to answer: " + Failures.quote(refusal, settings.secrets()));
            }
            LlmResponse.StopReason stop = switch (choice._finishReason().asKnown().map(r -> r.asString()).orElse("")) {
                case "stop" -> LlmResponse.StopReason.END_TURN;
                case "length" -> LlmResponse.StopReason.MAX_TOKENS;
                case "content_filter" -> LlmResponse.StopReason.REFUSAL;
                default -> LlmResponse.StopReason.OTHER;
            };
            if (stop == LlmResponse.StopReason.REFUSAL && text.isBlank()) {
                throw new LlmException(LlmException.Kind.REFUSED, KIND, "the provider's content filter stopped the answer; rephrase the question");
            }
            Usage usage = completion.usage().map(u -> Usage.of(u.promptTokens(), u.completionTokens())).orElse(Usage.UNREPORTED);
            String model = completion._model().asKnown().orElse(settings.model());
            return new LlmResponse(text, model, stop, usage, latency);
        } catch (OpenAIInvalidDataException e) {
            throw malformed(e);
        }
    }

    private LlmException malformed(OpenAIException e) {
        return new LlmException(LlmException.Kind.MALFORMED, KIND,
                "the answer is not a valid chat-completions response (" + Failures.quote(String.valueOf(e.getMessage()), settings.secrets())
                        + "); check llm.base_url points at an OpenAI-compatible /v1 API", null, e);
    }

    @Override
    public void close() {
        client.close();
    }

    /** Local servers need no key: send no Authorization header at all rather than a made-up one. */
    private static final class DropAuthorization implements okhttp3.Interceptor {
        @Override
        public okhttp3.Response intercept(Chain chain) throws java.io.IOException {
            return chain.proceed(chain.request().newBuilder().removeHeader("Authorization").build());
        }
    }
}
