package dev.sluice.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.llm.testing.SamplingClientChannel;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.McpServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sluice.llm.testing.SamplingClientChannel.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sampling through a real {@link McpServer}: a tool asks the provider for SQL, then for a summary,
 * the way text_to_sql and execute_query will. Legacy callers get server-to-client requests on the
 * channel; 2026-07-28 callers get input_required and retry with the answers.
 */
class SamplingProviderTest {
    private final FakeTime time = new FakeTime();

    private McpServer server(LlmProviders providers) {
        return McpServer.builder("t", "1").tool(Tool.of("ask", "asks the model twice", Tool.emptyObjectSchema()), (args, ctx) -> {
            LlmProvider llm = providers.forCall(ctx);
            if (!llm.available()) {
                return CallToolResult.text("no model: " + ((NoneProvider) llm).reason());
            }
            try {
                LlmResponse sql = llm.complete(LlmRequest.of("sql", "You write SQL.", "how many orders?").withMaxTokens(200));
                LlmResponse summary = llm.complete(LlmRequest.of("summary", "", "summarise 42"));
                return CallToolResult.text(sql.text() + " | " + summary.text() + " | " + sql.model() + " " + sql.usage().reported());
            } catch (LlmException e) {
                return CallToolResult.error(e.kind().wireName() + ": " + e.getMessage());
            }
        }).build();
    }

    private static LlmProviders providers(String yaml) {
        return LlmProviders.create(Settings.yaml(yaml), new FakeTime(), new FakeTime(), () -> 0.5);
    }

    private static ObjectNode samplingCaps() {
        ObjectNode caps = Json.object();
        caps.putObject("sampling");
        return caps;
    }

    private static ObjectNode call() {
        ObjectNode p = Json.object();
        p.put("name", "ask");
        p.putObject("arguments");
        return p;
    }

    private static Caller legacy(ObjectNode caps) {
        return new Caller(ProtocolVersion.V2025_11_25, false, null, caps, null, null, null);
    }

    private static Caller modern(ObjectNode caps) {
        return new Caller(ProtocolVersion.V2026_07_28, true, null, caps, null, null, null);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String text(ObjectNode result) {
        return result.at("/content/0/text").asText();
    }

    @Test
    void legacy_sendsCreateMessageWithSystemPromptHintsAndMaxTokens_andBlocksForTheAnswer() {
        LlmProviders providers = providers("llm: { provider: sampling, model: claude-sonnet-4-5, temperature: 0 }");
        SamplingClientChannel channel = new SamplingClientChannel(p -> answer(p.at("/messages/0/content/text").asText().startsWith("how")
                ? "```sql\nSELECT count(*) FROM orders\n```" : "There are 42."));
        ObjectNode result = server(providers).handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", call()),
                legacy(samplingCaps()), channel);

        assertThat(text(result)).isEqualTo("```sql\nSELECT count(*) FROM orders\n``` | There are 42. | client-model-1 false");
        assertThat(channel.asked()).hasSize(2);
        ObjectNode first = channel.asked().getFirst();
        assertThat(first.get("systemPrompt").asText()).isEqualTo("You write SQL.");
        assertThat(first.get("maxTokens").asInt()).isEqualTo(200);
        assertThat(first.get("temperature").asDouble()).isEqualTo(0.0);
        assertThat(first.at("/modelPreferences/hints/0/name").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(first.get("includeContext").asText()).isEqualTo("none");
        assertThat(first.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(channel.asked().get(1).get("maxTokens").asInt()).as("configured default").isEqualTo(LlmSettings.DEFAULT_MAX_TOKENS);
        assertThat(channel.asked().get(1).has("systemPrompt")).isFalse();
    }

    @Test
    void legacy_clientDeclining_isRefused() {
        LlmProviders providers = providers("");
        SamplingClientChannel channel = new SamplingClientChannel(p -> {
            throw new McpError(-1, "The client answered sampling/createMessage with an error: user declined");
        });
        ObjectNode result = server(providers).handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", call()),
                legacy(samplingCaps()), channel);
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result)).startsWith("refused: sampling: the client declined").contains("user declined");
    }

    @Test
    void legacy_clientNotAnsweringInTime_isTimeout() {
        LlmProviders providers = providers("llm: { provider: sampling }");
        SamplingClientChannel channel = new SamplingClientChannel(p -> {
            throw McpError.internal("the client did not answer sampling/createMessage within 60 s");
        });
        ObjectNode result = server(providers).handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", call()),
                legacy(samplingCaps()), channel);
        assertThat(text(result)).startsWith("timeout: ");
    }

    @Test
    void legacy_cancellationWhileWaiting_propagatesAsTheRequestsError() {
        LlmProviders providers = providers("llm: { provider: sampling }");
        SamplingClientChannel channel = new SamplingClientChannel(p -> {
            throw new McpError(ErrorCodes.REQUEST_CANCELLED, "Request cancelled while waiting for sampling/createMessage");
        });
        assertThatThrownBy(() -> server(providers).handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", call()),
                legacy(samplingCaps()), channel))
                .isInstanceOf(McpError.class).hasMessageContaining("cancelled");
    }

    @Test
    void modern_returnsInputRequiredPerCall_thenCompletesWhenRetriedWithTheAnswers() {
        LlmProviders providers = providers("llm: { provider: sampling }");
        McpServer server = server(providers);
        SamplingClientChannel channel = new SamplingClientChannel(p -> {
            throw new AssertionError("modern requests never send server-to-client requests");
        });

        ObjectNode first = server.handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", call()), modern(samplingCaps()), channel);
        assertThat(first.get("resultType").asText()).isEqualTo("input_required");
        assertThat(keys(first.get("inputRequests"))).containsExactly("llm_1_sql");
        JsonNode sqlAsk = first.at("/inputRequests/llm_1_sql");
        assertThat(sqlAsk.get("method").asText()).isEqualTo("sampling/createMessage");
        assertThat(sqlAsk.at("/params/systemPrompt").asText()).isEqualTo("You write SQL.");
        assertThat(sqlAsk.at("/params/maxTokens").asInt()).isEqualTo(200);
        assertThat(sqlAsk.at("/params/modelPreferences").isMissingNode()).as("no hint without llm.model").isTrue();

        ObjectNode retry = call();
        retry.put("requestState", first.get("requestState").asText());
        retry.putObject("inputResponses").set("llm_1_sql", answer("SELECT count(*) FROM orders"));
        ObjectNode second = server.handle(new JsonRpcMessage.Request(IntNode.valueOf(2), "tools/call", retry), modern(samplingCaps()), channel);
        assertThat(second.get("resultType").asText()).isEqualTo("input_required");
        assertThat(keys(second.get("inputRequests"))).containsExactly("llm_2_summary");

        ObjectNode last = call();
        last.put("requestState", second.get("requestState").asText());
        last.putObject("inputResponses").set("llm_2_summary", answer("There are 42."));
        ObjectNode third = server.handle(new JsonRpcMessage.Request(IntNode.valueOf(3), "tools/call", last), modern(samplingCaps()), channel);
        assertThat(third.get("resultType").asText()).isEqualTo("complete");
        assertThat(text(third)).isEqualTo("SELECT count(*) FROM orders | There are 42. | client-model-1 false");
        assertThat(channel.asked()).isEmpty();
    }

    @Test
    void modern_answerWithoutText_isMalformed() {
        LlmProviders providers = providers("llm: { provider: sampling }");
        McpServer server = server(providers);
        SamplingClientChannel channel = new SamplingClientChannel(p -> null);
        ObjectNode first = server.handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", call()), modern(samplingCaps()), channel);
        ObjectNode retry = call();
        retry.put("requestState", first.get("requestState").asText());
        ObjectNode image = Json.object();
        image.put("role", "assistant");
        image.putObject("content").put("type", "image").put("data", "AAAA").put("mimeType", "image/png");
        retry.putObject("inputResponses").set("llm_1_sql", image);
        ObjectNode second = server.handle(new JsonRpcMessage.Request(IntNode.valueOf(2), "tools/call", retry), modern(samplingCaps()), channel);
        assertThat(text(second)).startsWith("malformed: ").contains("no text content");
    }

    @Test
    void withoutSamplingCapability_defaultAndExplicitSamplingBothGiveNoneWithAReason() {
        SamplingClientChannel channel = new SamplingClientChannel(p -> null);
        ObjectNode byDefault = server(providers("")).handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", call()),
                legacy(Json.object()), channel);
        assertThat(text(byDefault)).startsWith("no model: there is no llm section");
        ObjectNode explicit = server(providers("llm: { provider: sampling }")).handle(
                new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", call()), modern(Json.object()), channel);
        assertThat(text(explicit)).startsWith("no model: llm.provider is sampling but this client did not declare");
        assertThat(channel.asked()).isEmpty();
    }

    @Test
    void noneProvider_saysNoLlmConfigured() {
        LlmProviders providers = providers("llm: { provider: none }");
        LlmProvider none = providers.forCall(null);
        assertThat(none.available()).isFalse();
        assertThat(none.kind()).isEqualTo("none");
        assertThatThrownBy(() -> none.complete(LlmRequest.of("sql", "", "q")))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.NOT_CONFIGURED))
                .hasMessageContaining("no LLM configured");
        assertThat(providers.describe(legacy(samplingCaps()))).isEqualTo("none");
        assertThat(providers("").describe(legacy(samplingCaps()))).isEqualTo("sampling (the client's own model)");
    }
}
