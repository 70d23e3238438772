package dev.sluice.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official TypeScript SDK clients (v1 {@code @modelcontextprotocol/sdk} and the v2
 * {@code @modelcontextprotocol/client} pinned to 2026-07-28) connect to {@code sluice serve}
 * over Streamable HTTP and to {@code sluice stdio}, list the tools and call one.
 */
class TypeScriptClientsIT {

    @Test
    void v1Client_overStreamableHttp_listsAndCallsTestConnection() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            NodeTools.Result r = NodeTools.client("v1-http.mjs", List.of(sluice.url(), "test_connection", "{}"), Map.of());
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode out = r.lastJson();
            assertThat(out.path("protocolVersion").asText()).isEqualTo("2025-11-25");
            assertThat(out.path("serverInfo").path("name").asText()).isEqualTo("sluice");
            assertCalledTestConnection(out, "2025-11-25");
        }
    }

    @Test
    void v1Client_runsAQueryOnTheDemoLake() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            NodeTools.Result r = NodeTools.client("v1-http.mjs", List.of(sluice.url(), "execute_query",
                    "{\"sql_query\":\"SELECT count(*) AS n FROM analytics.orders\"}"), Map.of());
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode result = r.lastJson().path("result");
            assertThat(result.path("isError").asBoolean(false)).as(r.output()).isFalse();
            assertThat(result.path("structuredContent").path("rows").get(0).path("n").asLong()).isEqualTo(60_000);
        }
    }

    private static final String KEY = "ts-client-key-0123456789";
    private static final String JAPAN_SQL = "```sql\nSELECT count(*) AS customers FROM analytics.customers WHERE country = 'JP'\n```";

    @Test
    void v1Client_answersSampling_andSluiceTurnsItsModelsSqlIntoRowsAndASummary() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            String replies = Json.MAPPER.writeValueAsString(List.of(JAPAN_SQL, "There are 609 customers in Japan."));
            NodeTools.Result r = NodeTools.client("v1-sampling-http.mjs", List.of(sluice.url(), "execute_query",
                    "{\"natural_language_query\":\"How many customers are in Japan?\"}"), Map.of("MCP_SAMPLING_REPLIES", replies));
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode out = r.lastJson();
            JsonNode result = out.at("/result/structuredContent");
            assertThat(result.path("success").asBoolean()).as(r.output()).isTrue();
            assertThat(result.path("sql").asText()).contains("country = 'JP'");
            assertThat(result.at("/rows/0/customers").asLong()).isPositive();
            assertThat(result.path("summary").asText()).isEqualTo("There are 609 customers in Japan.");
            JsonNode firstRequest = out.path("samplingRequests").get(0);
            assertThat(firstRequest.toString()).contains("analytics.customers").contains("DuckDB");
            assertThat(out.path("samplingRequests")).hasSize(2);
        }
    }

    @Test
    void v2Client_fulfilsInputRequiredSampling_forAJapaneseQuestion() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            String replies = Json.MAPPER.writeValueAsString(List.of(JAPAN_SQL, "日本の顧客は609人です。"));
            NodeTools.Result r = NodeTools.client("v2-sampling-http.mjs", List.of(sluice.url(), "execute_query",
                    "{\"natural_language_query\":\"日本の顧客は何人いますか？\"}"), Map.of("MCP_SAMPLING_REPLIES", replies));
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode out = r.lastJson();
            assertThat(out.path("protocolVersion").asText()).isEqualTo("2026-07-28");
            JsonNode result = out.at("/result/structuredContent");
            assertThat(result.path("success").asBoolean()).as(r.output()).isTrue();
            assertThat(result.at("/rows/0/customers").asLong()).isPositive();
            assertThat(result.path("summary").asText()).isEqualTo("日本の顧客は609人です。");
            assertThat(out.path("samplingRequests").get(1).toString()).contains("Japanese");
        }
    }

    private static SluiceProcess withApiKey() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sluice-it-auth-");
        java.nio.file.Path config = dir.resolve("sluice.yaml");
        java.nio.file.Files.writeString(config, "auth:\n  api_keys: [ { name: ts, key: " + KEY + ", scopes: [sql:read] } ]\n");
        return SluiceProcess.startIn(dir, "serve", "--port", "0", "--config", config.toString());
    }

    @Test
    void v1Client_withABearerApiKey_queries_andWithoutOne_isRefused401() throws Exception {
        try (SluiceProcess sluice = withApiKey()) {
            NodeTools.Result r = NodeTools.client("v1-http.mjs", List.of(sluice.url(), "execute_query",
                    "{\"sql_query\":\"SELECT count(*) AS n FROM analytics.orders\"}"),
                    Map.of("MCP_HEADERS", "{\"Authorization\":\"Bearer " + KEY + "\"}"));
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.lastJson().at("/result/structuredContent/rows/0/n").asLong()).isEqualTo(60_000);

            NodeTools.Result refused = NodeTools.client("v1-http.mjs", List.of(sluice.url(), "list_sources", "{}"), Map.of());
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("401");
        }
    }

    @Test
    void v2Client_withTheApiKeyInTheQueryString_asConnectorUisSendIt() throws Exception {
        try (SluiceProcess sluice = withApiKey()) {
            NodeTools.Result r = NodeTools.client("v2-http.mjs", List.of(sluice.url() + "?api_key=" + KEY, "test_connection", "{}"), Map.of());
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.lastJson().path("result").path("isError").asBoolean(false)).as(r.output()).isFalse();
        }
    }

    @Test
    void v2Client_isRefusedAWrite_withTheGuardRule() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            NodeTools.Result r = NodeTools.client("v2-http.mjs", List.of(sluice.url(), "execute_query",
                    "{\"sql_query\":\"DELETE FROM slack_messages\"}"), Map.of());
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode result = r.lastJson().path("result");
            assertThat(result.path("isError").asBoolean()).isTrue();
            assertThat(result.path("structuredContent").path("guard").path("decision").asText()).isEqualTo("refused");
        }
    }

    @Test
    void v1Client_overStatelessHttp_works() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0", "--stateless")) {
            NodeTools.Result r = NodeTools.client("v1-http.mjs", List.of(sluice.url(), "test_connection", "{}"), Map.of());
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertCalledTestConnection(r.lastJson(), "2025-11-25");
        }
    }

    @Test
    void v2Client_pinnedTo2026_07_28_overStreamableHttp_listsAndCallsTestConnection() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            NodeTools.Result r = NodeTools.client("v2-http.mjs", List.of(sluice.url(), "test_connection", "{}"), Map.of());
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode out = r.lastJson();
            assertThat(out.path("protocolVersion").asText()).isEqualTo("2026-07-28");
            assertCalledTestConnection(out, "2026-07-28");
        }
    }

    @Test
    void v1Client_overStdio_listsAndCallsTestConnection() throws Exception {
        // the client starts Sluice itself; its audit log goes to a temporary directory, not the build's
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sluice-it-stdio-");
        java.nio.file.Path config = dir.resolve("sluice.yaml");
        java.nio.file.Files.writeString(config, "audit: { store: " + dir.resolve("audit.db") + " }\n");
        List<String> args = new ArrayList<>(List.of("test_connection", "{}", "--"));
        args.addAll(SluiceProcess.javaCommand("stdio", "--config", config.toString()));
        NodeTools.Result r = NodeTools.client("v1-stdio.mjs", args, Map.of());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertCalledTestConnection(r.lastJson(), "2025-11-25");
    }

    @Test
    void v1Client_answersSamplingRequests_fromAToolCall() throws Exception {
        try (SluiceProcess fixture = SluiceProcess.start("conformance-server", "--port", "0")) {
            NodeTools.Result r = NodeTools.client("v1-sampling-http.mjs",
                    List.of(fixture.url(), "test_sampling", "{\"prompt\":\"What is 2+2?\"}"), Map.of());
            assertThat(r.exitCode()).as(r.output()).isZero();
            JsonNode out = r.lastJson();
            assertThat(out.toString()).contains("LLM response: stub-model-answer");
            assertThat(out.toString()).contains("What is 2+2?");
        }
    }

    private static void assertCalledTestConnection(JsonNode out, String expectedVersion) {
        List<String> tools = new ArrayList<>();
        out.path("tools").forEach(t -> tools.add(t.isTextual() ? t.asText() : t.path("name").asText()));
        assertThat(tools).contains("test_connection");
        JsonNode result = out.path("result");
        assertThat(result.path("isError").asBoolean(false)).as(out.toString()).isFalse();
        JsonNode report = result.path("structuredContent");
        assertThat(report.path("status").asText()).as(out.toString()).isEqualTo("ok");
        assertThat(report.path("server").path("name").asText()).isEqualTo("sluice");
        assertThat(report.path("server").path("client_protocol_version").asText()).isEqualTo(expectedVersion);
        assertThat(report.path("sources").get(0).path("name").asText()).isEqualTo("demo");
        assertThat(report.path("sources").get(0).path("status").asText()).isEqualTo("ok");
        assertThat(result.path("content").get(0).path("text").asText()).contains("\"status\":\"ok\"");
    }
}
