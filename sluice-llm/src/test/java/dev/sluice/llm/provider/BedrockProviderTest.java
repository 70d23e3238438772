package dev.sluice.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BedrockProviderTest extends MockServerProviderTest {
    static final String ACCESS_KEY = "AKIAEXAMPLEKEYID1234";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
    static final String TOKEN = "IQoJb3JpZ2luX2VjSESSIONTOKEN";
    static final String MODEL = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    private LlmProvider provider(String extra) {
        return providerFor("llm:\n  provider: bedrock\n  region: eu-west-1\n  base_url: " + server.uri("")
                + "\n  access_key_id: " + ACCESS_KEY + "\n  secret_access_key: " + SECRET + "\n" + extra);
    }

    static String converse(String text, String stopReason) {
        return """
                {"output":{"message":{"role":"assistant","content":[{"text":%s}]}},"stopReason":"%s",
                 "usage":{"inputTokens":500,"outputTokens":60,"totalTokens":560},"metrics":{"latencyMs":321}}"""
                .formatted(AnthropicProviderTest.quote(text), stopReason);
    }

    static MockLlmServer.Reply awsError(int status, String type, String message) {
        return new MockLlmServer.Reply(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type + ":http://internal.amazon.com/"),
                "{\"message\":\"" + message + "\"}", false);
    }

    @Test
    void complete_postsConverseSignedWithSigV4_andParsesUsage() {
        server.replyJson(200, converse("```sql\nSELECT count(*) FROM orders\n```", "end_turn"));
        LlmResponse r = provider("  model: " + MODEL + "\n  max_tokens: 700\n  temperature: 0\n  session_token: " + TOKEN + "\n")
                .complete(LlmRequest.of("sql", "You write Trino SQL.", "how many orders"));

        MockLlmServer.Recorded req = server.only();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.path()).isEqualTo("/model/" + MODEL + "/converse");
        assertThat(req.rawPath()).isEqualTo("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse");
        String auth = req.header("Authorization");
        assertThat(auth).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
                .contains("/eu-west-1/bedrock/aws4_request")
                .contains("SignedHeaders=").contains("Signature=")
                .doesNotContain(SECRET);
        assertThat(req.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
        assertThat(req.header("X-Amz-Security-Token")).isEqualTo(TOKEN);
        JsonNode body = req.json();
        assertThat(body.at("/system/0/text").asText()).isEqualTo("You write Trino SQL.");
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("how many orders");
        assertThat(body.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(700);
        assertThat(body.at("/inferenceConfig/temperature").asDouble()).isEqualTo(0.0);

        assertThat(r.usage()).isEqualTo(Usage.of(500, 60));
        assertThat(r.model()).isEqualTo(MODEL);
        assertThat(SqlExtraction.extract(r.text())).isEqualTo(new SqlExtraction.Found("SELECT count(*) FROM orders", false));
    }

    @Test
    void complete_throttlingThenSuccess_isRetried() {
        server.reply(awsError(429, "ThrottlingException", "Too many requests, please wait before trying again."));
        server.replyJson(200, converse("SELECT 1", "end_turn"));
        LlmResponse r = provider("").complete(LlmRequest.of("sql", "", "q"));
        assertThat(r.text()).isEqualTo("SELECT 1");
        assertThat(server.requests()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(375));
    }

    @Test
    void complete_internalServerErrors_exhaustRetries() {
        for (int i = 0; i < 3; i++) {
            server.reply(awsError(500, "InternalServerException", "boom"));
        }
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("HTTP 500").contains("InternalServerException").contains("gave up after 3 attempts");
        assertThat(server.requests()).hasSize(3);
        Secrets.assertAbsent(e, SECRET);
    }

    @Test
    void complete_accessDenied_isAuthAndNotRetried() {
        server.reply(awsError(403, "AccessDeniedException", "You don't have access to the model with the specified model ID."));
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(server.requests()).hasSize(1);
        Secrets.assertAbsent(e, SECRET);
        assertThat(providers.settings().toString()).doesNotContain(SECRET).doesNotContain(ACCESS_KEY);
    }

    @Test
    void complete_guardrailWithNoText_isRefused() {
        server.replyJson(200, """
                {"output":{"message":{"role":"assistant","content":[]}},"stopReason":"guardrail_intervened",
                 "usage":{"inputTokens":5,"outputTokens":0,"totalTokens":5}}""");
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSED);
    }

    @Test
    void complete_malformedJson_isMalformed() {
        server.replyJson(200, "{\"output\":{\"message\":");
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void complete_serverThatNeverAnswers_timesOut() {
        server.reply(MockLlmServer.Reply.hanging());
        long start = System.nanoTime();
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> provider("  timeout: 300ms\n  max_retries: 0\n").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
