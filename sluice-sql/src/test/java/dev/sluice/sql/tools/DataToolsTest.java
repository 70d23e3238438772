package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestChannel;
import dev.sluice.sql.result.ResultStore;
import dev.sluice.sql.result.ResultStoreConfig;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The data tools end to end on a real DuckDB file: guard, policy, masks, limits, paging, cancellation. */
class DataToolsTest {
    @TempDir
    static Path dir;
    private static Sources sources;
    private static ResultStore store;
    private static McpServer server;
    private static final AtomicLong IDS = new AtomicLong();

    @BeforeAll
    static void setUp() throws Exception {
        Path db = dir.resolve("shop.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sales AS SELECT range::INTEGER AS id, 'customer ' || (range % 50) AS customer, "
                    + "'c' || (range % 50) || '@example.com' AS email, (range * 1.25)::DECIMAL(12,2) AS amount, "
                    + "TIMESTAMP '2026-01-01 00:00:00' + INTERVAL (range) MINUTE AS sold_at, "
                    + "CASE WHEN range % 10 = 0 THEN NULL ELSE range % 7 END AS bucket FROM range(2500)");
            s.execute("COMMENT ON TABLE sales IS 'One row per sale'");
            s.execute("COMMENT ON COLUMN sales.amount IS 'Sale amount in EUR'");
            s.execute("CREATE TABLE payroll AS SELECT 1 AS id, 100000 AS salary");
        }
        java.nio.file.Files.createDirectories(dir.resolve("csv"));
        java.nio.file.Files.writeString(dir.resolve("csv/cities.csv"), "city,country,population\nTokyo,JP,14000000\nOsaka,JP,2700000\nParis,FR,2100000\n");
        String yaml = """
                sources:
                  shop:
                    kind: duckdb
                    path: %s
                    max_rows: 100
                    timeout: 1500ms
                    policy:
                      deny_tables: [payroll]
                      mask_columns: {email: hash}
                  files:
                    kind: duckdb
                    path: ":memory:"
                    files: {cities: "%s"}
                tools:
                  sales_of_customer:
                    source: shop
                    description: Sales of one customer, newest first
                    statement: "SELECT id, amount FROM sales WHERE customer = :customer ORDER BY id DESC LIMIT :limit"
                    parameters:
                      - {name: customer, type: string}
                      - {name: limit, type: integer, default: 3}
                  sneaky:
                    source: shop
                    description: A configured statement the guard still refuses
                    statement: "SELECT * FROM payroll"
                """.formatted(db, dir.resolve("csv/cities.csv"));
        var config = ConfigLoader.parse("t.yaml", yaml, Map.of());
        sources = Sources.open(Sources.validate(config.sources(), SourceKinds.builtIn()));
        var sqlTools = SqlToolsConfig.read(config.tools(), sources.names());
        store = new ResultStore(new ResultStoreConfig(dir.resolve("results"), 16L << 20, 1L << 20, 64L << 20, Duration.ofHours(1), 100),
                Clock.systemUTC());
        ServerFacts facts = new ServerFacts("sluice", "test", Instant.now(), "test", false, List.of("2026-07-28"));
        McpServer.Builder b = McpServer.builder("sluice", "test");
        QueryRunner runner = new QueryRunner(store);
        new DataTools(sources, runner, facts, Clock.systemUTC()).register(b);
        SqlTools.register(b, sqlTools, sources, runner);
        server = b.build();
    }

    @AfterAll
    static void tearDown() {
        store.close();
        sources.close();
    }

    private static JsonNode call(String tool, String argsJson) {
        return call(tool, argsJson, new Cancellation());
    }

    private static JsonNode call(String tool, String argsJson, Cancellation cancellation) {
        ObjectNode params = Json.object();
        params.put("name", tool);
        params.set("arguments", Json.parse(argsJson));
        ObjectNode result = server.handle(new JsonRpcMessage.Request(Json.MAPPER.getNodeFactory().numberNode(IDS.incrementAndGet()),
                "tools/call", params), new Caller("2025-11-25", false, null, Json.object(), null, null, null), RequestChannel.detached(cancellation));
        JsonNode structured = result.path("structuredContent");
        assertThat(result.path("isError").asBoolean(false)).isEqualTo(!structured.path("success").asBoolean());
        if (structured.isMissingNode()) {
            // arguments that fail the input schema are refused before the tool runs, as plain text
            ObjectNode refusal = Json.object();
            refusal.put("success", false);
            refusal.put("error", result.path("content").get(0).path("text").asText());
            return refusal;
        }
        assertThat(result.path("content").get(0).path("text").asText()).isEqualTo(Json.text(structured));
        return structured;
    }

    @Test
    void listSources_describesTheSource() {
        JsonNode out = call("list_sources", "{}");
        JsonNode shop = out.path("sources").get(0);
        assertThat(shop.path("name").asText()).isEqualTo("shop");
        assertThat(shop.path("dialect").asText()).isEqualTo("duckdb");
        assertThat(shop.path("default").asBoolean()).isTrue();
        assertThat(shop.path("max_rows").asInt()).isEqualTo(100);
    }

    @Test
    void listTables_showsCommentsAndEstimates_andHidesDeniedTables() {
        JsonNode out = call("list_tables", "{}");
        assertThat(out.path("tables").findValuesAsText("name")).containsExactly("main.sales");
        assertThat(out.path("tables").get(0).path("comment").asText()).isEqualTo("One row per sale");
        assertThat(out.path("tables").get(0).path("row_estimate").asLong()).isEqualTo(2500);
        assertThat(call("list_tables", "{\"pattern\":\"nothing\"}").path("tables")).isEmpty();
    }

    @Test
    void describeTable_showsColumnsAndMaskedSamples() {
        JsonNode out = call("describe_table", "{\"table\":\"sales\"}");
        assertThat(out.path("columns").findValuesAsText("name")).containsExactly("id", "customer", "email", "amount", "sold_at", "bucket");
        assertThat(out.path("columns").get(3).path("comment").asText()).isEqualTo("Sale amount in EUR");
        assertThat(out.path("sample_rows")).hasSize(3);
        assertThat(out.path("sample_rows").get(0).path("email").asText()).startsWith("sha256:");
    }

    @Test
    void describeTable_unknownOrDenied_isAnActionableError() {
        assertThat(call("describe_table", "{\"table\":\"sale\"}").path("error").asText())
                .contains("No table sale", "Did you mean main.sales?");
        assertThat(call("describe_table", "{\"table\":\"payroll\"}").path("error").asText()).contains("not available", "policy");
    }

    @Test
    void executeQuery_returnsTypedRows_pagesThroughTheWholeResult() {
        JsonNode first = call("execute_query", "{\"sql_query\":\"SELECT id, email, amount, sold_at, bucket FROM sales ORDER BY id\"}");
        assertThat(first.path("success").asBoolean()).isTrue();
        assertThat(first.path("row_count").asInt()).isEqualTo(100);
        assertThat(first.path("truncated").asBoolean()).isTrue();
        assertThat(first.path("total_row_count").asLong()).isEqualTo(2500);
        assertThat(first.path("guard").path("decision").asText()).isEqualTo("allowed");
        JsonNode row = first.path("rows").get(1);
        assertThat(row.path("id").isIntegralNumber()).isTrue();
        assertThat(row.path("amount").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(row.path("sold_at").asText()).isEqualTo("2026-01-01T00:01:00");
        assertThat(row.path("email").asText()).startsWith("sha256:");
        assertThat(first.path("rows").get(0).path("bucket").isNull()).isTrue();
        assertThat(first.path("columns").get(2).path("type").asText()).isEqualTo("DECIMAL(12,2)");

        Set<Integer> ids = new HashSet<>();
        first.path("rows").forEach(r -> ids.add(r.path("id").asInt()));
        String token = first.path("next_token").asText();
        String id = first.path("query_execution_id").asText();
        while (token != null && !token.equals("null")) {
            JsonNode page = call("fetch_query_results", "{\"query_execution_id\":\"" + id + "\",\"next_token\":\"" + token + "\",\"max_rows\":700}");
            assertThat(page.path("success").asBoolean()).as(page.toString()).isTrue();
            page.path("rows").forEach(r -> assertThat(ids.add(r.path("id").asInt())).isTrue());
            token = page.path("next_token").isNull() ? null : page.path("next_token").asText();
        }
        assertThat(ids).hasSize(2500);
    }

    @Test
    void executeQuery_smallResult_isNotTruncated() {
        JsonNode out = call("execute_query", "{\"sql_query\":\"SELECT count(*) AS n FROM sales\"}");
        assertThat(out.path("rows").get(0).path("n").asLong()).isEqualTo(2500);
        assertThat(out.path("truncated").asBoolean()).isFalse();
        assertThat(out.path("next_token").isNull()).isTrue();
        assertThat(out.path("summary").asText()).isEqualTo("1 row with columns n.");
    }

    @Test
    void executeQuery_refusesWritesAndEscapes_withTheRule() {
        JsonNode delete = call("execute_query", "{\"sql_query\":\"DELETE FROM sales\"}");
        assertThat(delete.path("success").asBoolean()).isFalse();
        assertThat(delete.path("guard").path("decision").asText()).isEqualTo("refused");
        assertThat(delete.path("guard").path("rule").asText()).isEqualTo("not_a_query");
        assertThat(call("execute_query", "{\"sql_query\":\"SELECT 1; DROP TABLE sales\"}").path("guard").path("rule").asText())
                .isEqualTo("multiple_statements");
        assertThat(call("execute_query", "{\"sql_query\":\"SELECT * FROM read_csv('/etc/passwd')\"}").path("guard").path("rule").asText())
                .isIn("file_access", "denied_table_function");
        assertThat(call("execute_query", "{\"sql_query\":\"SELECT count(*) FROM sales\"}").path("success").asBoolean()).isTrue();
    }

    @Test
    void executeQuery_deniedTable_isRefusedByPolicy() {
        JsonNode out = call("execute_query", "{\"sql_query\":\"SELECT * FROM payroll\"}");
        assertThat(out.path("guard").path("rule").asText()).isEqualTo("table_not_allowed");
    }

    @Test
    void executeQuery_engineErrors_areToolErrorsTheModelCanFix() {
        JsonNode out = call("execute_query", "{\"sql_query\":\"SELECT * FROM salez\"}");
        assertThat(out.path("success").asBoolean()).isFalse();
        assertThat(out.path("error").asText()).contains("salez");
    }

    @Test
    void executeQuery_timeout_cancelsTheQueryInTheEngine() {
        long start = System.nanoTime();
        JsonNode out = call("execute_query", "{\"sql_query\":\"SELECT count(*) FROM range(1000000000000) a\"}");
        assertThat(out.path("error").asText()).contains("exceeded the timeout of 1500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void executeQuery_requestCancellation_stopsTheQuery() throws Exception {
        Cancellation cancellation = new Cancellation();
        Thread canceller = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                return;
            }
            cancellation.cancel("test");
        });
        JsonNode out = call("execute_query", "{\"sql_query\":\"SELECT count(*) FROM range(1000000000000) a\"}", cancellation);
        canceller.join();
        assertThat(out.path("error").asText()).contains("cancelled");
    }

    @Test
    void executeQuery_argumentMistakes_areExplained() {
        assertThat(call("execute_query", "{\"natural_language_query\":\"how many sales?\"}").path("error").asText())
                .contains("Text-to-SQL is not configured", "sql_query");
        assertThat(call("execute_query", "{}").path("error").asText()).contains("Give sql_query");
        assertThat(call("execute_query", "{\"sql_query\":\"SELECT 1\",\"max_rows\":5000}").path("error").asText())
                .isEqualTo("max_rows must be between 1 and 100 for source shop, got 5000");
        assertThat(call("execute_query", "{\"sql_query\":\"SELECT 1\",\"source\":\"nope\"}").path("error").asText())
                .isEqualTo("Unknown source 'nope'. Sources: shop, files");
    }

    @Test
    void fetch_unknownIdOrForgedToken_isExplained() {
        assertThat(call("fetch_query_results", "{\"query_execution_id\":\"nope\"}").path("error").asText())
                .contains("No stored result");
        JsonNode first = call("execute_query", "{\"sql_query\":\"SELECT id FROM sales\"}");
        assertThat(call("fetch_query_results", "{\"query_execution_id\":\"" + first.path("query_execution_id").asText()
                + "\",\"next_token\":\"forged\"}").path("success").asBoolean()).isFalse();
    }

    @Test
    void configuredSqlTool_bindsItsParameters_andStillPassesTheGuardAndPolicy() {
        JsonNode out = call("sales_of_customer", "{\"customer\":\"customer 7\"}");
        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("rows").findValuesAsText("id")).containsExactly("2457", "2407", "2357");
        JsonNode injected = call("sales_of_customer", "{\"customer\":\"x' OR '1'='1\",\"limit\":5}");
        assertThat(injected.path("rows")).isEmpty();
        assertThat(call("sales_of_customer", "{\"customer\":\"customer 7\",\"limit\":\"three\"}").path("error").asText())
                .contains("argument 'limit' must be an integer");
        assertThat(call("sneaky", "{}").path("guard").path("rule").asText()).isEqualTo("table_not_allowed");
    }

    @Test
    void csvFiles_areQueryableAsViews_whileOtherFilesStayUnreachable() {
        JsonNode out = call("execute_query", "{\"source\":\"files\",\"sql_query\":\"SELECT city FROM cities WHERE country = 'JP' ORDER BY population DESC\"}");
        assertThat(out.path("rows").findValuesAsText("city")).containsExactly("Tokyo", "Osaka");
        assertThat(call("list_tables", "{\"source\":\"files\"}").path("tables").get(0).path("type").asText()).isEqualTo("view");
        JsonNode escape = call("execute_query", "{\"source\":\"files\",\"sql_query\":\"SELECT * FROM read_csv('/etc/passwd')\"}");
        assertThat(escape.path("success").asBoolean()).isFalse();
    }

    @Test
    void testConnection_reportsEverySource() {
        JsonNode out = call("test_connection", "{}");
        assertThat(out.path("status").asText()).isEqualTo("ok");
        assertThat(out.path("sources").get(0).path("status").asText()).isEqualTo("ok");
        assertThat(out.path("llm").path("provider").asText()).isEqualTo("none");
    }
}
