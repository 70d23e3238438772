package dev.sluice.llm.provider;

import dev.sluice.core.config.ConfigNode;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The {@code llm:} section, read strictly. Keys that do not apply to the chosen provider are
 * errors with file, line and key, as are unknown keys. {@link #toString()} never shows
 * {@code api_key}, {@code secret_access_key} or {@code session_token}.
 *
 * @param provider        the kind; {@link ProviderKind#AUTO} when the section or the key is absent
 * @param model           the model name; null only for sampling without a hint and for none/auto
 * @param baseUrl         the API root (no trailing slash); null for the provider's public endpoint
 * @param apiKey          anthropic (required) and openai (optional for local servers); null otherwise
 * @param region          bedrock only; null to use the AWS default region chain
 * @param timeout         per attempt
 * @param maxRetries      retries after the first attempt on 429, 5xx, timeouts and connection errors
 * @param maxTokens       default for requests that set none
 * @param temperature     default for requests that set none; null leaves the model's default
 * @param accessKeyId     bedrock static credentials; null to use the AWS default credentials chain
 * @param secretAccessKey goes with accessKeyId
 * @param sessionToken    optional, with the other two
 * @param bedrockApi      the Bedrock runtime operation bedrock calls; {@link BedrockApi#CONVERSE} unless
 *                        set, and for every other kind
 */
public record LlmSettings(ProviderKind provider, String model, URI baseUrl, String apiKey, String region,
                          Duration timeout, int maxRetries, int maxTokens, Double temperature,
                          String accessKeyId, String secretAccessKey, String sessionToken, BedrockApi bedrockApi) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final int DEFAULT_MAX_TOKENS = 1024;
    /** Default models per kind (see docs/llm-providers.md); override with {@code llm.model}. */
    public static final Map<ProviderKind, String> DEFAULT_MODELS = Map.of(
            ProviderKind.ANTHROPIC, "claude-sonnet-4-5",
            ProviderKind.OPENAI, "gpt-4o-mini",
            ProviderKind.BEDROCK, "us.anthropic.claude-sonnet-4-5-20250929-v1:0");

    private static final Set<String> COMMON = Set.of("provider", "model", "max_tokens", "temperature");
    private static final Map<ProviderKind, Set<String>> EXTRA = Map.of(
            ProviderKind.ANTHROPIC, Set.of("base_url", "api_key", "timeout", "max_retries"),
            ProviderKind.OPENAI, Set.of("base_url", "api_key", "timeout", "max_retries"),
            ProviderKind.BEDROCK, Set.of("base_url", "region", "timeout", "max_retries",
                    "access_key_id", "secret_access_key", "session_token", "bedrock_api"),
            ProviderKind.SAMPLING, Set.of(),
            ProviderKind.NONE, Set.of(),
            ProviderKind.AUTO, Set.of());
    private static final List<String> ALL_KEYS = List.of("provider", "model", "base_url", "api_key", "region", "timeout",
            "max_retries", "max_tokens", "temperature", "access_key_id", "secret_access_key", "session_token", "bedrock_api");

    public LlmSettings {
        requireNonNull(provider, "provider is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(bedrockApi, "bedrockApi is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxRetries < 0 || maxTokens < 1) {
            throw new IllegalArgumentException("maxRetries must be >= 0 and maxTokens >= 1");
        }
    }

    /** No {@code llm:} section: sampling when the client offers it, else none. */
    public static LlmSettings auto() {
        return new LlmSettings(ProviderKind.AUTO, null, null, null, null, DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES,
                DEFAULT_MAX_TOKENS, null, null, null, null, BedrockApi.CONVERSE);
    }

    public static LlmSettings read(ConfigNode llm) {
        requireNonNull(llm, "llm is null");
        if (llm.isEmpty()) {
            return auto();
        }
        String kindName = llm.string("provider", null);
        if (kindName == null) {
            throw llm.error("provider", "missing: set it to one of " + ProviderKind.choices()
                    + " (other llm keys mean nothing without it)");
        }
        ProviderKind kind = ProviderKind.of(kindName.trim()).orElseThrow(() -> llm.error("provider",
                "unknown provider '" + kindName + "'; use one of " + ProviderKind.choices()));
        rejectKeysNotFor(llm, kind);

        String model = blankToNull(llm.string("model", null));
        if (kind == ProviderKind.NONE || kind == ProviderKind.AUTO) {
            model = null;
        } else if (model == null) {
            model = DEFAULT_MODELS.get(kind);
        }
        URI baseUrl = baseUrl(llm);
        String apiKey = blankToNull(llm.string("api_key", null));
        if (kind == ProviderKind.ANTHROPIC && apiKey == null) {
            throw llm.error("api_key", "required for provider anthropic: set api_key: ${ANTHROPIC_API_KEY}");
        }
        if (kind == ProviderKind.OPENAI && apiKey == null && baseUrl == null) {
            throw llm.error("api_key", "required for api.openai.com: set api_key: ${OPENAI_API_KEY}, "
                    + "or base_url for a local server (Ollama, vLLM, llama.cpp) that needs no key");
        }
        String region = blankToNull(llm.string("region", null));
        if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw llm.error("region", "must be an AWS region such as us-east-1, got '" + region + "'");
        }
        Duration timeout = llm.duration("timeout", DEFAULT_TIMEOUT);
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(30)) > 0) {
            throw llm.error("timeout", "must be between 1ms and 30m, got " + timeout);
        }
        int maxRetries = llm.integer("max_retries", DEFAULT_MAX_RETRIES, 0, 10);
        int maxTokens = llm.integer("max_tokens", DEFAULT_MAX_TOKENS, 1, 200_000);
        Double temperature = temperature(llm);
        String accessKeyId = blankToNull(llm.string("access_key_id", null));
        String secretAccessKey = blankToNull(llm.string("secret_access_key", null));
        String sessionToken = blankToNull(llm.string("session_token", null));
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw llm.error(accessKeyId == null ? "secret_access_key" : "access_key_id",
                    "access_key_id and secret_access_key go together: set both, or neither to use the AWS default credentials chain");
        }
        if (sessionToken != null && accessKeyId == null) {
            throw llm.error("session_token", "needs access_key_id and secret_access_key as well");
        }
        BedrockApi bedrockApi = bedrockApi(llm);
        llm.rejectUnknownKeys();
        return new LlmSettings(kind, model, baseUrl, apiKey, region, timeout, maxRetries, maxTokens, temperature,
                accessKeyId, secretAccessKey, sessionToken, bedrockApi);
    }

    /** The total time one {@code complete} may take across attempts and backoff: timeout × (max_retries + 1). */
    public Duration deadline() {
        return timeout.multipliedBy(maxRetries + 1L);
    }

    private static void rejectKeysNotFor(ConfigNode llm, ProviderKind kind) {
        Set<String> allowed = EXTRA.get(kind);
        for (String key : llm.keys()) {
            if (ALL_KEYS.contains(key) && !COMMON.contains(key) && !allowed.contains(key)) {
                throw llm.error(key, "does not apply to provider " + kind.wireName() + whereItApplies(key));
            }
        }
    }

    private static String whereItApplies(String key) {
        List<String> kinds = EXTRA.entrySet().stream().filter(e -> e.getValue().contains(key))
                .map(e -> e.getKey().wireName()).sorted().toList();
        return kinds.isEmpty() ? "" : " (only to " + String.join(", ", kinds) + "); remove it";
    }

    private static URI baseUrl(ConfigNode llm) {
        String text = blankToNull(llm.string("base_url", null));
        if (text == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw llm.error("base_url", "is not a URL: '" + text + "'");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw llm.error("base_url", "must be an http:// or https:// URL such as http://localhost:11434/v1, got '" + text + "'");
        }
        if (uri.getUserInfo() != null) {
            throw llm.error("base_url", "must not carry credentials; use api_key");
        }
        return uri;
    }

    private static BedrockApi bedrockApi(ConfigNode llm) {
        String text = blankToNull(llm.string("bedrock_api", null));
        if (text == null) {
            return BedrockApi.CONVERSE;
        }
        return BedrockApi.of(text).orElseThrow(() -> llm.error("bedrock_api",
                "unknown Bedrock API '" + text + "'; use " + BedrockApi.choices()));
    }

    private static Double temperature(ConfigNode llm) {
        String text = llm.string("temperature", null);
        if (text == null) {
            return null;
        }
        try {
            double t = Double.parseDouble(text.trim());
            if (t >= 0 && t <= 2) {
                return t;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw llm.error("temperature", "must be a number between 0 and 2, got '" + text + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** {@code request} with the configured {@code max_tokens}, and {@code temperature} if set, where it sets none. */
    LlmRequest withDefaults(LlmRequest request) {
        LlmRequest sized = request.maxTokens() == null ? request.withMaxTokens(maxTokens) : request;
        return sized.temperature() == null && temperature != null ? sized.withTemperature(temperature) : sized;
    }

    /** Every configured secret, for scrubbing text quoted from servers. */
    List<String> secrets() {
        return java.util.stream.Stream.of(apiKey, secretAccessKey, sessionToken)
                .filter(s -> s != null && s.length() >= 4).toList();
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider.wireName() + ", model=" + model + ", baseUrl=" + baseUrl
                + ", apiKey=" + redact(apiKey) + ", region=" + region + ", timeout=" + timeout + ", maxRetries=" + maxRetries
                + ", maxTokens=" + maxTokens + ", temperature=" + temperature + ", accessKeyId=" + redact(accessKeyId)
                + ", secretAccessKey=" + redact(secretAccessKey) + ", sessionToken=" + redact(sessionToken)
                + ", bedrockApi=" + bedrockApi.wireName() + "]";
    }

    private static String redact(String secret) {
        return secret == null ? "none" : "(redacted)";
    }
}
