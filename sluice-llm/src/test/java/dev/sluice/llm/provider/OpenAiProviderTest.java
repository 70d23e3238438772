package dev.sluice.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiProviderTest extends MockServerProviderTest {
    static final String KEY = "sk-proj-SECRET-abcdef0123456789";
    private LlmProvider provider(String extra) {
        return providerFor("llm:\n  provider: openai\n  base_url: " + server.uri("/v1") + "\n" + extra);
    }

    static String completion(String content, String finishReason) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1760000000,"model":"qwen2.5-coder:7b",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"%s"}],
                 "usage":{"prompt_tokens":111,"completion_tokens":22,"total_tokens":133}}"""
                .formatted(AnthropicProviderTest.quote(content), finishReason);
    }

    @Test
    void complete_postsChatCompletionWithBearerKey_andParsesUsage() {
        server.replyJson(200, completion("Here you go:\n```sql\nSELECT name FROM customers LIMIT 10;\n```\nThis lists ten.", "stop"));
        LlmResponse r = provider("  api_key: " + KEY + "\n  model: gpt-test\n  temperature: 0.2\n  max_tokens: 300\n")
                .complete(LlmRequest.of("sql", "You write SQL.", "top customers"));

        MockLlmServer.Recorded req = server.only();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.path()).isEqualTo("/v1/chat/completions");
        assertThat(req.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = req.json();
        assertThat(body.get("model").asText()).isEqualTo("gpt-test");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("You write SQL.");
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("top customers");
        assertThat(body.get("max_tokens").asInt()).as("compatible servers get max_tokens").isEqualTo(300);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);

        assertThat(r.model()).isEqualTo("qwen2.5-coder:7b");
        assertThat(r.usage()).isEqualTo(Usage.of(111, 22));
        assertThat(r.stopReason()).isEqualTo(LlmResponse.StopReason.END_TURN);
        assertThat(SqlExtraction.extract(r.text())).isEqualTo(new SqlExtraction.Found("SELECT name FROM customers LIMIT 10", false));
    }

    @Test
    void complete_withoutApiKey_sendsNoAuthorizationHeader() {
        server.replyJson(200, completion("SELECT 1", "stop"));
        provider("  model: llama3.2\n").complete(LlmRequest.of("sql", "", "q"));
        assertThat(server.only().header("Authorization")).isNull();
        assertThat(server.only().json().get("model").asText()).isEqualTo("llama3.2");
    }

    @Test
    void complete_lengthFinish_isMaxTokens_andMissingUsageIsUnreported() {
        server.replyJson(200, """
                {"id":"x","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"SELECT a,"},"finish_reason":"length"}]}""");
        LlmResponse r = provider("").complete(LlmRequest.of("sql", "", "q"));
        assertThat(r.truncated()).isTrue();
        assertThat(r.usage().reported()).isFalse();
    }

    @Test
    void complete_refusalField_isRefused() {
        server.replyJson(200, """
                {"id":"x","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help with that."},"finish_reason":"stop"}]}""");
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSED);
        assertThat(e.getMessage()).contains("I can't help with that.");
    }

    @Test
    void complete_malformedJson_isMalformed() {
        server.replyJson(200, "<html>502 Bad Gateway</html>");
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void complete_429WithRetryAfter_thenSuccess() {
        server.reply(MockLlmServer.Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")
                .withHeader("Retry-After", "3"));
        server.replyJson(200, completion("SELECT 1", "stop"));
        LlmResponse r = provider("  api_key: " + KEY + "\n").complete(LlmRequest.of("sql", "", "q"));
        assertThat(r.text()).isEqualTo("SELECT 1");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void complete_503s_exhaustRetries_withoutLeakingTheKey() {
        for (int i = 0; i < 2; i++) {
            server.replyJson(503, "{\"error\":{\"message\":\"overloaded for key " + KEY + "\"}}");
        }
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> provider("  api_key: " + KEY + "\n  max_retries: 1\n").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("HTTP 503").contains("gave up after 2 attempts");
        Secrets.assertAbsent(e, KEY);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void complete_serverThatNeverAnswers_timesOut() {
        server.reply(MockLlmServer.Reply.hanging());
        server.reply(MockLlmServer.Reply.hanging());
        long start = System.nanoTime();
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> provider("  timeout: 250ms\n  max_retries: 1\n").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void openAiItself_getsMaxCompletionTokens_andTheDefaultModel() {
        assertThat(OpenAiProvider.officialApi(null)).isTrue();
        assertThat(OpenAiProvider.officialApi(java.net.URI.create("https://api.openai.com/v1"))).isTrue();
        assertThat(OpenAiProvider.officialApi(server.uri("/v1"))).isFalse();
        providers = LlmProviders.create(Settings.yaml("llm:\n  provider: openai\n  api_key: " + KEY + "\n"), time, time, () -> 0.5);
        assertThat(providers.forCall(null).model()).isEqualTo(LlmSettings.DEFAULT_MODELS.get(ProviderKind.OPENAI));
        assertThat(providers.describe(null)).isEqualTo("openai (gpt-4o-mini)");
    }
}
