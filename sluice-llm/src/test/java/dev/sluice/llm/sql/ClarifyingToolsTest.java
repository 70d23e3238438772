package dev.sluice.llm.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.llm.provider.LlmProviders;
import dev.sluice.llm.provider.LlmSettings;
import dev.sluice.llm.testing.ElicitationClientChannel;
import dev.sluice.llm.testing.SamplingClientChannel;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestChannel;
import dev.sluice.sql.tools.DataTools;
import dev.sluice.sql.tools.QueryRunner;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sluice.llm.testing.ElicitationClientChannel.accept;
import static dev.sluice.llm.testing.ElicitationClientChannel.action;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clarifying questions through a real McpServer: elicitation on legacy sessions, input_required
 * rounds on 2026-07-28 (with a remote model and with the client's own model), and clients that
 * cannot be asked.
 */
class ClarifyingToolsTest extends DemoLakeToolsTest {
    private static final String QUESTION = "What was our revenue?";
    private static final String CLARIFY = "CLARIFY: Gross revenue, or net of cancelled and returned orders?\nOPTION: gross\nOPTION: net";
    private static final String SQL = "SELECT sum(total_amount) AS revenue FROM analytics.orders WHERE status NOT IN ('cancelled', 'returned')";
    private static final String ARGS = "{\"natural_language_query\":\"" + QUESTION + "\"}";
    private final AtomicReference<LlmCallFacts> facts = new AtomicReference<>();

    private McpServer server(LlmProviders p) {
        McpServer.Builder b = McpServer.builder("sluice", "test").interceptor((call, next) -> {
            try {
                return next.proceed(call.arguments());
            } finally { // also when the round ends in input_required, as the audit interceptor does
                facts.set(call.attributes().get(LlmCallFacts.class));
            }
        });
        new DataTools(sources, new QueryRunner(store), new ServerFacts("sluice", "test", Instant.now(), "test", false, List.of()),
                Clock.systemUTC(), new LlmQuestionAnswering(pipeline, p)).register(b);
        TextToSqlTools.register(b, sources, p, pipeline);
        return b.build();
    }

    private static ObjectNode call(String tool) {
        ObjectNode p = Json.object();
        p.put("name", tool);
        p.set("arguments", Json.parse(ARGS));
        return p;
    }

    private static Caller caller(boolean modern, String... capabilities) {
        ObjectNode caps = Json.object();
        for (String c : capabilities) {
            caps.putObject(c);
        }
        return new Caller(modern ? ProtocolVersion.V2026_07_28 : ProtocolVersion.V2025_11_25, modern, null, caps, null, null, null);
    }

    private static ObjectNode handle(McpServer server, ObjectNode params, Caller caller, RequestChannel channel) {
        return server.handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", params), caller, channel);
    }

    private static ObjectNode retry(String tool, ObjectNode previous, String key, JsonNode response) {
        ObjectNode r = call(tool);
        r.put("requestState", previous.path("requestState").asText());
        r.putObject("inputResponses").set(key, response);
        return r;
    }

    @Test
    void legacy_textToSql_asksTheUserByElicitation_andGeneratesWithTheAnswer() {
        llm.answer(CLARIFY).answer("```sql\n" + SQL + "\n```");
        ElicitationClientChannel user = new ElicitationClientChannel(p -> accept("net"));
        ObjectNode result = handle(server(providers), call("text_to_sql"), caller(false, "elicitation"), user);

        JsonNode out = result.path("structuredContent");
        assertThat(result.path("isError").asBoolean()).as(out.toString()).isFalse();
        assertThat(out.path("sql").asText()).isEqualTo(SQL);
        assertThat(out.at("/clarification/outcome").asText()).isEqualTo("answered");
        assertThat(user.asked()).hasSize(1);
        ObjectNode asked = user.asked().getFirst();
        assertThat(asked.path("message").asText()).contains(QUESTION).contains("Gross revenue, or net of cancelled and returned orders?");
        assertThat(asked.at("/requestedSchema/properties/answer/enum").toString()).isEqualTo("[\"gross\",\"net\"]");
        assertThat(asked.at("/requestedSchema/required/0").asText()).isEqualTo("answer");
        assertThat(llm.promptText(0)).contains("CLARIFY: <the question>");
        assertThat(llm.promptText(1)).contains("the user answered \"net\"").doesNotContain("CLARIFY: <the question>");
        assertThat(facts.get().clarification().outcome()).isEqualTo(Clarification.Outcome.ANSWERED);
        assertThat(facts.get().question()).isEqualTo(QUESTION);
        assertThat(facts.get().clarification().toJson().toString()).isEqualTo("{\"question\":\"Gross revenue, or net of cancelled and "
                + "returned orders?\",\"options\":[\"gross\",\"net\"],\"outcome\":\"answered\",\"answer\":\"net\"}");
        assertThat(facts.get().calls()).isEqualTo(2);
    }

    @Test
    void legacy_executeQuery_declined_runsNothing_andSaysSo() {
        llm.answer(CLARIFY);
        ElicitationClientChannel user = new ElicitationClientChannel(p -> action("decline"));
        ObjectNode result = handle(server(providers), call("execute_query"), caller(false, "elicitation"), user);

        JsonNode out = result.path("structuredContent");
        assertThat(out.path("success").asBoolean()).isFalse();
        assertThat(out.path("status").asText()).isEqualTo("clarification_declined");
        assertThat(out.path("error").asText()).contains("declined").contains("no query was run");
        assertThat(out.path("query_execution_id").isNull()).isTrue();
        assertThat(out.has("rows")).isFalse();
        assertThat(llm.bodies()).hasSize(1);
        assertThat(facts.get().clarification().outcome()).isEqualTo(Clarification.Outcome.DECLINED);
        assertThat(facts.get().generatedSql()).isNull();
    }

    @Test
    void legacy_executeQuery_answered_runsTheClarifiedSql_andSummarises() {
        llm.answer(CLARIFY).answer("```sql\n" + SQL + "\n```").answer("Net revenue is 1.2 million.");
        ElicitationClientChannel user = new ElicitationClientChannel(p -> accept("net"));
        JsonNode out = handle(server(providers), call("execute_query"), caller(false, "elicitation"), user).path("structuredContent");
        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("row_count").asInt()).isEqualTo(1);
        assertThat(out.path("summary").asText()).isEqualTo("Net revenue is 1.2 million.");
        assertThat(out.at("/generation/clarification/answer").asText()).isEqualTo("net");
        assertThat(facts.get().calls()).isEqualTo(3);
        assertThat(facts.get().clarification().answer()).isEqualTo("net");
    }

    @Test
    void legacy_elicitationThatFails_handsTheQuestionBack() {
        llm.answer(CLARIFY);
        ElicitationClientChannel user = new ElicitationClientChannel(p -> {
            throw McpError.internal("the client did not answer elicitation/create within 300 s");
        });
        JsonNode out = handle(server(providers), call("text_to_sql"), caller(false, "elicitation"), user).path("structuredContent");
        assertThat(out.path("status").asText()).isEqualTo("needs_clarification");
        assertThat(out.path("notes").toString()).contains("did not answer elicitation/create");
    }

    @Test
    void clientWithoutElicitation_textToSqlHandsTheQuestionBack_notAsAnError() {
        llm.answer(CLARIFY);
        ObjectNode result = handle(server(providers), call("text_to_sql"), caller(false), RequestChannel.detached(new Cancellation()));

        assertThat(result.path("isError").asBoolean()).isFalse();
        assertThat(result.at("/structuredContent/status").asText()).isEqualTo("needs_clarification");
        assertThat(result.at("/content/0/text").asText()).contains("Gross revenue, or net of cancelled and returned orders? (options: gross; net)")
                .contains("Put this question to the user");
        assertThat(llm.promptText(0)).doesNotContain("CLARIFY");
        assertThat(facts.get().clarification().outcome()).isEqualTo(Clarification.Outcome.NOT_ASKED);
    }

    @Test
    void clientWithUrlElicitationOnly_isNotOfferedAForm() {
        ObjectNode caps = Json.object();
        caps.putObject("elicitation").putObject("url");
        llm.answer("```sql\n" + SQL + "\n```");
        handle(server(providers), call("text_to_sql"), new Caller(ProtocolVersion.V2025_11_25, false, null, caps, null, null, null),
                RequestChannel.detached(new Cancellation()));
        assertThat(llm.promptText(0)).doesNotContain("CLARIFY");
    }

    @Test
    void modern_remoteModel_clarifiesInAnInputRequiredRound_andTheModelIsNotAskedTwiceForTheSameAnswer() {
        llm.answer(CLARIFY).answer("```sql\n" + SQL + "\n```");
        McpServer server = server(providers);
        Caller modern = caller(true, "elicitation");

        ObjectNode first = handle(server, call("text_to_sql"), modern, RequestChannel.detached(new Cancellation()));
        assertThat(first.path("resultType").asText()).as(first.toString()).isEqualTo("input_required");
        String key = first.path("inputRequests").fieldNames().next();
        assertThat(first.path("inputRequests").fieldNames()).toIterable().containsExactly(key);
        assertThat(key).matches("clarify_[0-9a-f]{12}");
        assertThat(first.at("/inputRequests/" + key + "/method").asText()).isEqualTo("elicitation/create");
        assertThat(llm.bodies()).hasSize(1);
        LlmCallFacts paidFirst = facts.getAndSet(null);
        assertThat(paidFirst).as("the round that paid for the model call records it").isNotNull();
        assertThat(paidFirst.inputTokens()).isEqualTo(100);
        assertThat(paidFirst.outputTokens()).isEqualTo(20);
        assertThat(paidFirst.calls()).isEqualTo(1);
        assertThat(paidFirst.provider()).isEqualTo("openai");

        ObjectNode second = handle(server, retry("text_to_sql", first, key, accept("net")), modern, RequestChannel.detached(new Cancellation()));
        assertThat(second.path("resultType").asText()).as(second.toString()).isEqualTo("complete");
        assertThat(second.at("/structuredContent/sql").asText()).isEqualTo(SQL);
        assertThat(llm.bodies()).as("the first answer came back from requestState").hasSize(2);
        assertThat(llm.promptText(1)).contains("the user answered \"net\"");
        assertThat(second.at("/structuredContent/attempts").asInt()).isEqualTo(2);
        assertThat(facts.get().inputTokens()).as("only the call made on this round; the replayed one was counted on round 1").isEqualTo(100);
        assertThat(facts.get().outputTokens()).isEqualTo(20);
        assertThat(facts.get().calls()).isEqualTo(1);
        assertThat(facts.get().clarification().outcome()).isEqualTo(Clarification.Outcome.ANSWERED);
    }

    @Test
    void modern_clientsOwnModel_sqlRound_clarifyRound_thenTheClarifiedSqlRound() {
        McpServer server = server(LlmProviders.create(LlmSettings.read(ConfigLoader.parse("l.yaml", "llm: { provider: sampling }", Map.of()).llm())));
        Caller modern = caller(true, "sampling", "elicitation");
        RequestChannel channel = new SamplingClientChannel(p -> {
            throw new AssertionError("modern requests never send server-to-client requests");
        });

        ObjectNode first = handle(server, call("text_to_sql"), modern, channel);
        assertThat(first.path("inputRequests").fieldNames()).toIterable().containsExactly("llm_1_sql");
        assertThat(first.at("/inputRequests/llm_1_sql/params/systemPrompt").asText()).contains("CLARIFY: <the question>");

        ObjectNode second = handle(server, retry("text_to_sql", first, "llm_1_sql", SamplingClientChannel.answer(CLARIFY)), modern, channel);
        String key = second.path("inputRequests").fieldNames().next();
        assertThat(key).startsWith("clarify_");
        assertThat(second.at("/inputRequests/" + key + "/params/requestedSchema/properties/answer/enum/1").asText()).isEqualTo("net");

        ObjectNode third = handle(server, retry("text_to_sql", second, key, accept("net")), modern, channel);
        assertThat(third.path("inputRequests").fieldNames()).toIterable().containsExactly("llm_2_sql");
        assertThat(third.at("/inputRequests/llm_2_sql/params/messages/0/content/text").asText()).contains("the user answered \"net\"");

        ObjectNode last = handle(server, retry("text_to_sql", third, "llm_2_sql", SamplingClientChannel.answer("```sql\n" + SQL + "\n```")),
                modern, channel);
        assertThat(last.path("resultType").asText()).isEqualTo("complete");
        assertThat(last.at("/structuredContent/sql").asText()).isEqualTo(SQL);
        assertThat(last.at("/structuredContent/clarification/outcome").asText()).isEqualTo("answered");
    }

    @Test
    void modern_stateReplayedWithAnotherQuestionOrOtherHints_takesNeitherTheOldAnswerNorTheOldModelReply() {
        llm.answer(CLARIFY).answer(CLARIFY).answer(CLARIFY);
        McpServer server = server(providers);
        Caller modern = caller(true, "elicitation");
        ObjectNode first = handle(server, call("text_to_sql"), modern, RequestChannel.detached(new Cancellation()));
        String key = first.path("inputRequests").fieldNames().next();

        // the same state and answer, sent with another question: the answer belongs to the first question
        ObjectNode otherQuestion = retry("text_to_sql", first, key, accept("net"));
        ((ObjectNode) otherQuestion.get("arguments")).put("natural_language_query", "What was our revenue last year?");
        ObjectNode second = handle(server, otherQuestion, modern, RequestChannel.detached(new Cancellation()));
        assertThat(second.path("resultType").asText()).as(second.toString()).isEqualTo("input_required");
        assertThat(second.path("inputRequests").fieldNames().next()).startsWith("clarify_").isNotEqualTo(key);
        assertThat(llm.bodies()).as("the model was asked afresh about the other question").hasSize(2);

        // the same question with a table hint: neither the remembered model reply nor the answer is reused
        ObjectNode otherHints = retry("text_to_sql", first, key, accept("net"));
        ((ObjectNode) otherHints.get("arguments")).put("database", "analytics");
        ObjectNode third = handle(server, otherHints, modern, RequestChannel.detached(new Cancellation()));
        assertThat(third.path("resultType").asText()).as(third.toString()).isEqualTo("input_required");
        assertThat(third.path("inputRequests").fieldNames().next()).startsWith("clarify_").isNotEqualTo(key);
        assertThat(llm.bodies()).as("the model was asked afresh for the other hints").hasSize(3);
    }
}
