package dev.sluice.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AnthropicProviderTest extends MockServerProviderTest {
    static final String KEY = "sk-ant-test-SECRET-0123456789";
    private LlmProvider provider(String extra) {
        return providerFor("llm:\n  provider: anthropic\n  api_key: " + KEY + "\n  base_url: " + server.uri("") + "\n" + extra);
    }

    static String message(String text, String stopReason) {
        return """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"text","text":%s}],"stop_reason":"%s","stop_sequence":null,
                 "usage":{"input_tokens":321,"output_tokens":45}}""".formatted(quote(text), stopReason);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String error(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }

    @Test
    void complete_sendsMessagesRequestWithApiKeyAndVersionHeaders_andParsesUsage() {
        server.replyJson(200, message("```sql\nSELECT 1;\n```", "end_turn"));
        LlmResponse r = provider("  model: claude-test\n  max_tokens: 512\n  temperature: 0\n").complete(
                LlmRequest.of("sql", "You write DuckDB SQL.", "how many orders?").withStopSequences(List.of("</sql>")));

        MockLlmServer.Recorded req = server.only();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.path()).isEqualTo("/v1/messages");
        assertThat(req.header("x-api-key")).as(req.headers().toString()).isEqualTo(KEY);
        assertThat(req.header("anthropic-version")).isNotBlank();
        assertThat(req.header("Authorization")).isNull();
        JsonNode body = req.json();
        assertThat(body.get("model").asText()).isEqualTo("claude-test");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(512);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.get("system").asText()).isEqualTo("You write DuckDB SQL.");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").toString()).contains("how many orders?");
        assertThat(body.at("/stop_sequences/0").asText()).isEqualTo("</sql>");

        assertThat(r.text()).isEqualTo("```sql\nSELECT 1;\n```");
        assertThat(r.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(r.stopReason()).isEqualTo(LlmResponse.StopReason.END_TURN);
        assertThat(r.usage()).isEqualTo(Usage.of(321, 45));
        assertThat(SqlExtraction.extract(r.text())).isEqualTo(new SqlExtraction.Found("SELECT 1", false));
    }

    @Test
    void complete_requestOverridesConfiguredMaxTokens_andSendsConversationTurns() {
        server.replyJson(200, message("SELECT 2", "max_tokens"));
        LlmResponse r = provider("").complete(LlmRequest.of("repair", "", "q").followUp("SELECT x", "column x does not exist").withMaxTokens(64));
        JsonNode body = server.only().json();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("model").asText()).isEqualTo(LlmSettings.DEFAULT_MODELS.get(ProviderKind.ANTHROPIC));
        assertThat(body.has("system")).isFalse();
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.get("messages")).hasSize(3);
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("assistant");
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void complete_modelRefusal_isRefused() {
        server.replyJson(200, """
                {"id":"msg_01","type":"message","role":"assistant","model":"m","content":[],"stop_reason":"refusal",
                 "usage":{"input_tokens":1,"output_tokens":0}}""");
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSED);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void complete_refusalInText_isReturnedForSqlExtractionToClassify() {
        server.replyJson(200, message("I can't help with that request.", "end_turn"));
        LlmResponse r = provider("").complete(LlmRequest.of("sql", "", "drop everything"));
        assertThat(SqlExtraction.extract(r.text())).isInstanceOf(SqlExtraction.Refused.class);
    }

    @Test
    void complete_malformedJson_isMalformedAndNotRetried() {
        server.replyJson(200, "{\"id\":\"msg_01\",\"content\":[{\"type\":\"text\",");
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(server.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void complete_429WithRetryAfter_waitsThatLongThenSucceeds() {
        server.reply(MockLlmServer.Reply.json(429, error("rate_limit_error", "slow down")).withHeader("retry-after", "7"));
        server.replyJson(200, message("SELECT 1", "end_turn"));
        LlmResponse r = provider("").complete(LlmRequest.of("sql", "", "q"));
        assertThat(r.text()).isEqualTo("SELECT 1");
        assertThat(server.requests()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void complete_500s_exhaustRetriesWithBackoff() {
        for (int i = 0; i < 3; i++) {
            server.replyJson(500, error("api_error", "internal"));
        }
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("HTTP 500").contains("gave up after 3 attempts");
        assertThat(server.requests()).hasSize(3);
        // jitter 0.5 of 500 ms then 1000 ms: half plus a quarter of each
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
    }

    @Test
    void complete_unauthorized_isAuthWithoutTheKeyInAnyMessage() {
        server.replyJson(401, error("authentication_error", "invalid x-api-key " + KEY));
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(e.getMessage()).contains("HTTP 401").contains("llm.api_key");
        Secrets.assertAbsent(e, KEY);
        assertThat(providers.settings().toString()).doesNotContain(KEY);
        assertThat(providers.describe(null)).doesNotContain(KEY);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void complete_serverThatNeverAnswers_timesOutWithinTheTimeout() {
        server.reply(MockLlmServer.Reply.hanging());
        long start = System.nanoTime();
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> provider("  timeout: 300ms\n  max_retries: 0\n").complete(LlmRequest.of("sql", "", "q")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("300 ms");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void complete_connectionRefused_isUnavailable() throws Exception {
        server.close();
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> provider("  max_retries: 1\n").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("llm.base_url");
        assertThat(time.sleeps()).hasSize(1);
    }
}
