package dev.sluice.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.audit.AuditLog;
import dev.sluice.audit.AuditQuery;
import dev.sluice.audit.AuditRecord;
import dev.sluice.audit.AuditSettings;
import dev.sluice.audit.AuditStores;
import dev.sluice.mcp.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ambiguous question through {@code sluice serve} (no llm section: the client's own model by
 * sampling) and the official TypeScript SDK clients, whose scripted user answers the clarifying
 * question: by an {@code elicitation/create} request on a v1 (2025-11-25) session, and by an
 * {@code input_required} round on the v2 client pinned to 2026-07-28.
 */
class ClarifyingQuestionsIT {
    private static final String QUESTION = "{\"natural_language_query\":\"What was our revenue?\"}";
    private static final String CLARIFY = "CLARIFY: Gross revenue, or net of cancelled and returned orders?\nOPTION: gross\nOPTION: net";
    private static final String NET_SQL = "```sql\nSELECT sum(total_amount) AS revenue FROM analytics.orders "
            + "WHERE status NOT IN ('cancelled', 'returned')\n```";

    private static Map<String, String> script(List<String> modelReplies, String elicitationReply) throws Exception {
        return Map.of("MCP_SAMPLING_REPLIES", Json.MAPPER.writeValueAsString(modelReplies),
                "MCP_ELICITATION_REPLIES", "[" + elicitationReply + "]");
    }

    @Test
    void v1Client_answersTheElicitation_andTheClarifiedQueryRuns() throws Exception {
        Path workDir;
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            workDir = sluice.workDir();
            NodeTools.Result r = NodeTools.client("v1-sampling-http.mjs", List.of(sluice.url(), "execute_query", QUESTION),
                    script(List.of(CLARIFY, NET_SQL, "Net revenue was 1.2 million."), "{\"action\":\"accept\",\"content\":{\"answer\":\"net\"}}"));
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode out = r.lastJson();
            JsonNode result = out.at("/result/structuredContent");
            assertThat(result.path("success").asBoolean()).as(r.output()).isTrue();
            assertThat(result.path("sql").asText()).contains("NOT IN ('cancelled', 'returned')");
            assertThat(result.at("/rows/0/revenue").asDouble()).isPositive();
            assertThat(result.path("summary").asText()).isEqualTo("Net revenue was 1.2 million.");
            assertThat(result.at("/generation/clarification/outcome").asText()).isEqualTo("answered");

            assertThat(out.path("elicitationRequests")).hasSize(1);
            JsonNode asked = out.path("elicitationRequests").get(0);
            assertThat(asked.path("message").asText()).contains("What was our revenue?").contains("Gross revenue, or net");
            assertThat(asked.at("/requestedSchema/properties/answer/enum").toString()).isEqualTo("[\"gross\",\"net\"]");
            assertThat(out.path("samplingRequests")).hasSize(3);
            assertThat(out.path("samplingRequests").get(0).path("systemPrompt").asText()).contains("CLARIFY: <the question>");
            assertThat(out.path("samplingRequests").get(1).toString()).contains("the user answered \\\"net\\\"");
        }
        // the audit log records the question as asked, and what was asked back and answered in a field of its own
        AuditSettings settings = new AuditSettings(workDir.resolve("sluice-audit.db").toString(), null, null,
                AuditSettings.defaults().sync(), Duration.ZERO, false, AuditSettings.defaults().maxArgumentBytes());
        try (AuditLog log = AuditStores.open(settings, Clock.systemUTC())) {
            List<AuditRecord> calls = log.search(AuditQuery.all().unlimited()).stream().filter(a -> "execute_query".equals(a.tool())).toList();
            assertThat(calls).hasSize(1);
            assertThat(calls.getFirst().question()).isEqualTo("What was our revenue?");
            assertThat(calls.getFirst().clarification()).isEqualTo("{\"question\":\"Gross revenue, or net of cancelled and returned "
                    + "orders?\",\"options\":[\"gross\",\"net\"],\"outcome\":\"answered\",\"answer\":\"net\"}");
            assertThat(calls.getFirst().generatedSql()).contains("NOT IN ('cancelled', 'returned')");
        }
    }

    @Test
    void v1Client_declines_andNoQueryRuns() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            NodeTools.Result r = NodeTools.client("v1-sampling-http.mjs", List.of(sluice.url(), "execute_query", QUESTION),
                    script(List.of(CLARIFY), "{\"action\":\"decline\"}"));
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode out = r.lastJson();
            JsonNode result = out.at("/result/structuredContent");
            assertThat(result.path("success").asBoolean()).isFalse();
            assertThat(result.path("status").asText()).isEqualTo("clarification_declined");
            assertThat(result.path("error").asText()).contains("no query was run");
            assertThat(result.path("query_execution_id").isNull()).isTrue();
            assertThat(out.path("samplingRequests")).hasSize(1);
        }
    }

    @Test
    void v2Client_fulfilsTheInputRequiredElicitation_andTheClarifiedQueryRuns() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            NodeTools.Result r = NodeTools.client("v2-sampling-http.mjs", List.of(sluice.url(), "execute_query", QUESTION),
                    script(List.of(CLARIFY, NET_SQL, "Net revenue was 1.2 million."), "{\"action\":\"accept\",\"content\":{\"answer\":\"net\"}}"));
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode out = r.lastJson();
            assertThat(out.path("protocolVersion").asText()).isEqualTo("2026-07-28");
            JsonNode result = out.at("/result/structuredContent");
            assertThat(result.path("success").asBoolean()).as(r.output()).isTrue();
            assertThat(result.at("/rows/0/revenue").asDouble()).isPositive();
            assertThat(result.path("summary").asText()).isEqualTo("Net revenue was 1.2 million.");
            assertThat(out.path("elicitationRequests")).hasSize(1);
            assertThat(out.at("/elicitationRequests/0/requestedSchema/properties/answer/enum/1").asText()).isEqualTo("net");
            assertThat(out.path("samplingRequests")).hasSize(3);
            assertThat(out.path("samplingRequests").get(1).toString()).contains("the user answered \\\"net\\\"");
        }
    }

    @Test
    void v2Client_withoutElicitation_getsTheQuestionBack_fromTextToSql() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            NodeTools.Result r = NodeTools.client("v2-sampling-http.mjs", List.of(sluice.url(), "text_to_sql", QUESTION),
                    Map.of("MCP_SAMPLING_REPLIES", Json.MAPPER.writeValueAsString(List.of(CLARIFY))));
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode out = r.lastJson();
            assertThat(out.at("/result/isError").asBoolean(false)).isFalse();
            assertThat(out.at("/result/structuredContent/status").asText()).isEqualTo("needs_clarification");
            assertThat(out.at("/result/content/0/text").asText()).contains("Gross revenue, or net of cancelled and returned orders?");
            assertThat(out.path("samplingRequests").get(0).path("systemPrompt").asText()).doesNotContain("CLARIFY");
        }
    }
}
