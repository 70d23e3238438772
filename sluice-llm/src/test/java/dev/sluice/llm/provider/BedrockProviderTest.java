package dev.sluice.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
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

    private LlmProvider provider(BedrockApi api, String extra) {
        return provider("  bedrock_api: " + api.wireName() + "\n" + extra);
    }

    static String converse(String text, String stopReason) {
        return """
                {"output":{"message":{"role":"assistant","content":[{"text":%s}]}},"stopReason":"%s",
                 "usage":{"inputTokens":500,"outputTokens":60,"totalTokens":560},"metrics":{"latencyMs":321}}"""
                .formatted(AnthropicProviderTest.quote(text), stopReason);
    }

    /** A finished answer in {@code api}'s wire format; InvokeModel answers with the Anthropic Messages body. */
    static String answer(BedrockApi api, String text) {
        return api == BedrockApi.CONVERSE ? converse(text, "end_turn") : AnthropicProviderTest.message(text, "end_turn");
    }

    static MockLlmServer.Reply awsError(int status, String type, String message) {
        return new MockLlmServer.Reply(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type + ":http://internal.amazon.com/"),
                "{\"message\":\"" + message + "\"}", false);
    }

    /** Signed by the AWS SDK with SigV4 for service bedrock in eu-west-1, with the session token, never the secret. */
    private static void assertSignedWithSessionCredentials(MockLlmServer.Recorded req) {
        String auth = req.header("Authorization");
        assertThat(auth).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
                .contains("/eu-west-1/bedrock/aws4_request")
                .contains("SignedHeaders=").contains("Signature=")
                .doesNotContain(SECRET);
        assertThat(req.header("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
        assertThat(req.header("X-Amz-Security-Token")).isEqualTo(TOKEN);
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
        assertSignedWithSessionCredentials(req);
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
    void invokeModel_postsAnthropicMessagesBodySignedWithSigV4_andParsesTextAndUsage() {
        server.replyJson(200, """
                {"id":"msg_bdrk_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"thinking","thinking":"orders table","signature":"c2ln"},
                            {"type":"text","text":"```sql\\nSELECT count(*) FROM orders\\n```"}],
                 "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":410,"output_tokens":52}}""");
        LlmResponse r = provider(BedrockApi.INVOKE_MODEL, "  model: " + MODEL + "\n  max_tokens: 700\n  temperature: 0\n  session_token: " + TOKEN + "\n")
                .complete(LlmRequest.of("sql", "You write Trino SQL.", "how many orders").withStopSequences(List.of("</sql>")));

        MockLlmServer.Recorded req = server.only();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.path()).isEqualTo("/model/" + MODEL + "/invoke");
        assertThat(req.rawPath()).isEqualTo("/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/invoke");
        assertSignedWithSessionCredentials(req);
        assertThat(req.header("Content-Type")).isEqualTo("application/json");
        assertThat(req.header("Accept")).isEqualTo("application/json");
        JsonNode body = req.json();
        assertThat(body.get("anthropic_version").asText()).isEqualTo("bedrock-2023-05-31");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(700);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.get("system").asText()).isEqualTo("You write Trino SQL.");
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content/0/type").asText()).isEqualTo("text");
        assertThat(body.at("/messages/0/content/0/text").asText()).isEqualTo("how many orders");
        assertThat(body.at("/stop_sequences/0").asText()).isEqualTo("</sql>");
        assertThat(body.has("model")).as("the model is in the path, not the body").isFalse();

        assertThat(r.text()).isEqualTo("```sql\nSELECT count(*) FROM orders\n```");
        assertThat(r.stopReason()).isEqualTo(LlmResponse.StopReason.END_TURN);
        assertThat(r.usage()).isEqualTo(Usage.of(410, 52));
        assertThat(r.model()).isEqualTo(MODEL);
        assertThat(SqlExtraction.extract(r.text())).isEqualTo(new SqlExtraction.Found("SELECT count(*) FROM orders", false));
    }

    @Test
    void invokeModel_followUp_sendsEveryTurnWithConfiguredMaxTokens_andReportsTruncation() {
        server.replyJson(200, AnthropicProviderTest.message("SELECT o.id FROM orders o WHERE", "max_tokens"));
        LlmResponse r = provider(BedrockApi.INVOKE_MODEL, "")
                .complete(LlmRequest.of("repair", "", "q").followUp("SELECT x", "column x does not exist"));

        JsonNode body = server.only().json();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(LlmSettings.DEFAULT_MAX_TOKENS);
        assertThat(body.has("system")).isFalse();
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.has("stop_sequences")).isFalse();
        assertThat(body.get("messages")).hasSize(3);
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("assistant");
        assertThat(body.at("/messages/1/content/0/text").asText()).isEqualTo("SELECT x");
        assertThat(body.at("/messages/2/content/0/text").asText()).isEqualTo("column x does not exist");
        assertThat(r.truncated()).isTrue();
        assertThat(r.model()).isEqualTo(LlmSettings.DEFAULT_MODELS.get(ProviderKind.BEDROCK));
    }

    @Test
    void invokeModel_applicationInferenceProfileArn_isPassedThroughUrlEncoded() {
        String arn = "arn:aws:bedrock:eu-west-1:123456789012:application-inference-profile/a1b2c3d4";
        server.replyJson(200, AnthropicProviderTest.message("SELECT 1", "end_turn"));
        LlmResponse r = provider(BedrockApi.INVOKE_MODEL, "  model: '" + arn + "'\n").complete(LlmRequest.of("sql", "", "q"));

        MockLlmServer.Recorded req = server.only();
        assertThat(req.path()).isEqualTo("/model/" + arn + "/invoke");
        assertThat(req.rawPath()).isEqualTo("/model/arn%3Aaws%3Abedrock%3Aeu-west-1%3A123456789012%3Aapplication-inference-profile%2Fa1b2c3d4/invoke");
        assertThat(r.model()).isEqualTo(arn);
    }

    @Test
    void invokeModel_modelRefusal_isRefusedAndNotRetried() {
        server.replyJson(200, """
                {"id":"msg_bdrk_02","type":"message","role":"assistant","model":"m","content":[],"stop_reason":"refusal",
                 "usage":{"input_tokens":12,"output_tokens":0}}""");
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> provider(BedrockApi.INVOKE_MODEL, "").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.REFUSED);
        assertThat(e.getMessage()).contains("the model declined to answer (refusal)");
        assertThat(server.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":\"msg_bdrk_03\",\"content\":[{\"type\":\"text\",",
            "[\"not\", \"an object\"]",
            "{\"id\":\"msg_bdrk_03\",\"stop_reason\":\"end_turn\"}",
            "{\"content\":[{\"type\":\"text\",\"text\":42}],\"stop_reason\":\"end_turn\"}",
            "{\"content\":[{\"type\":\"text\",\"text\":\"SELECT 1\"}],\"usage\":{\"input_tokens\":-3,\"output_tokens\":1}}",
            ""})
    void invokeModel_answerThatIsNotAMessagesResponse_isMalformedAndNotRetried(String answer) {
        server.replyJson(200, answer);
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> provider(BedrockApi.INVOKE_MODEL, "").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(e.getMessage()).contains("the InvokeModel answer is not an Anthropic Messages response").contains("llm.model");
        assertThat(server.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BedrockApi.class)
    void complete_throttlingWithRetryAfter_waitsThatLongThenSucceeds(BedrockApi api) {
        server.reply(awsError(429, "ThrottlingException", "Too many requests, please wait before trying again.")
                .withHeader("Retry-After", "7"));
        server.replyJson(200, answer(api, "SELECT 1"));
        LlmResponse r = provider(api, "").complete(LlmRequest.of("sql", "", "q"));
        assertThat(r.text()).isEqualTo("SELECT 1");
        assertThat(server.requests()).hasSize(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @EnumSource(BedrockApi.class)
    void complete_internalServerErrors_exhaustRetriesWithBackoff(BedrockApi api) {
        for (int i = 0; i < 3; i++) {
            server.reply(awsError(500, "InternalServerException", "boom"));
        }
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider(api, "").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("HTTP 500").contains("InternalServerException").contains("gave up after 3 attempts");
        assertThat(server.requests()).hasSize(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
        Secrets.assertAbsent(e, SECRET);
    }

    @ParameterizedTest
    @EnumSource(BedrockApi.class)
    void complete_accessDenied_isAuthAndNotRetried(BedrockApi api) {
        server.reply(awsError(403, "AccessDeniedException", "You don't have access to the model with the specified model ID."));
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider(api, "").complete(LlmRequest.of("sql", "", "q")));
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
        assertThat(e.getMessage()).contains("a guardrail or content filter stopped the answer (guardrail_intervened)");
    }

    @Test
    void complete_malformedJson_isMalformed() {
        server.replyJson(200, "{\"output\":{\"message\":");
        LlmException e = catchThrowableOfType(LlmException.class, () -> provider("").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED);
        assertThat(e.getMessage()).contains("not a valid Converse response");
        assertThat(server.requests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(BedrockApi.class)
    void complete_serverThatNeverAnswers_timesOut(BedrockApi api) {
        server.reply(MockLlmServer.Reply.hanging());
        long start = System.nanoTime();
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> provider(api, "  timeout: 300ms\n  max_retries: 0\n").complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
