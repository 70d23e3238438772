package dev.sluice.llm.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.llm.schema.CatalogTable;
import dev.sluice.llm.schema.RetrievalHints;
import dev.sluice.llm.testing.FakeOpenAi;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestChannel;
import dev.sluice.sql.result.ResultStore;
import dev.sluice.sql.result.ResultStoreConfig;
import dev.sluice.sql.source.Capability;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.SourceSettings;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.source.TableDetail;
import dev.sluice.sql.source.TableInfo;
import dev.sluice.sql.source.TableRef;
import dev.sluice.sql.testing.PostgresServer;
import dev.sluice.sql.tools.DataTools;
import dev.sluice.sql.tools.QueryRunner;
import dev.sluice.sql.tools.QuestionAnswering.Question;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * text_to_sql and natural-language execute_query end to end on a real PostgreSQL (started by
 * {@link PostgresServer}) holding two schemas, through the real tools, with a scripted
 * OpenAI-compatible model: the prompt, retrieval and hints, EXPLAIN and repair, the guard, the rows
 * and the summary.
 */
class PostgresTextToSqlTest extends FakeOpenAiTest {
    private static final String DATABASE = "text_to_sql";
    private static final Caller PLAIN = new Caller(ProtocolVersion.V2025_11_25, false, null, Json.object(), null, null, null);
    private static final List<String> SCHEMA = List.of(
            "CREATE SCHEMA sales",
            "CREATE SCHEMA support",
            "CREATE TYPE sales.order_status AS ENUM ('pending', 'shipped', 'cancelled')",
            "CREATE TABLE sales.customers (customer_id integer PRIMARY KEY, name text NOT NULL, city text, country char(2), signed_up date)",
            "COMMENT ON TABLE sales.customers IS 'People and companies that bought from the shop'",
            "COMMENT ON COLUMN sales.customers.country IS 'ISO 3166-1 alpha-2 code'",
            "CREATE TABLE sales.orders (order_id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES sales.customers (customer_id), "
                    + "status sales.order_status NOT NULL, total numeric(10,2) NOT NULL, ordered_at timestamp NOT NULL)",
            "COMMENT ON TABLE sales.orders IS 'One row per order placed in the shop'",
            "COMMENT ON COLUMN sales.orders.total IS 'Order total in EUR, tax included'",
            "CREATE TABLE support.tickets (ticket_id integer PRIMARY KEY, customer_id integer REFERENCES sales.customers (customer_id), "
                    + "channel text, subject text, opened_at timestamptz)",
            "COMMENT ON TABLE support.tickets IS 'Customer support requests'",
            "COMMENT ON COLUMN support.tickets.channel IS 'How the customer reached us'",
            "INSERT INTO sales.customers VALUES (1, 'Aiko Tanaka', '東京', 'JP', '2025-01-10'), (2, 'Kenji Sato', '東京', 'JP', '2025-02-11'), "
                    + "(3, 'Marie Dubois', 'Paris', 'FR', '2025-03-12'), (4, 'Hans Müller', 'Berlin', 'DE', '2025-04-13'), "
                    + "(5, 'Yuki Ito', '東京', 'JP', '2025-05-14'), (6, 'Luc Martin', 'Paris', 'FR', '2025-06-15'), "
                    + "(7, 'Anna Schmidt', 'Berlin', 'DE', '2025-07-16'), (8, 'Chloé Bernard', 'Paris', 'FR', '2025-08-17')",
            "INSERT INTO sales.orders VALUES (101, 1, 'shipped', 120.00, '2025-09-01 10:00'), (102, 1, 'shipped', 80.50, '2025-09-15 11:00'), "
                    + "(103, 2, 'cancelled', 42.00, '2025-09-20 12:00'), (104, 3, 'shipped', 300.00, '2025-10-01 09:00'), "
                    + "(105, 4, 'pending', 15.25, '2025-10-02 09:30'), (106, 5, 'shipped', 99.99, '2025-10-03 14:00'), "
                    + "(107, 6, 'cancelled', 10.00, '2025-10-04 15:00'), (108, 3, 'shipped', 55.00, '2025-10-05 16:00')",
            "INSERT INTO support.tickets VALUES (1, 1, 'メール', '配送が遅れています', '2025-09-03 09:00+09'), "
                    + "(2, 2, '電話', '注文をキャンセルしたい', '2025-09-21 10:00+09'), (3, 3, 'メール', 'Invoice missing', '2025-10-02 08:00+02'), "
                    + "(4, 5, '電話', '商品が届きません', '2025-10-06 18:00+09')",
            "ANALYZE");

    @TempDir
    static Path dir;
    private static PostgresServer postgres;
    private static Sources configured;
    private static RecordingSource pg;
    private static Sources sources;
    private static ResultStore store;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        postgres.createDatabase(DATABASE);
        try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement()) {
            for (String sql : SCHEMA) {
                s.execute(sql);
            }
        }
        String yaml = "sources:\n  pg:\n    kind: postgres\n    url: " + postgres.jdbcUrl(DATABASE) + "\n    user: " + postgres.superuser()
                + "\n    schema: sales\n";
        configured = Sources.open(Sources.validate(ConfigLoader.parse("t.yaml", yaml, Map.of()).sources(), SourceKinds.builtIn()));
        pg = new RecordingSource(configured.get("pg").orElseThrow());
        sources = Sources.of(List.of(pg));
        store = new ResultStore(new ResultStoreConfig(dir.resolve("results"), 16L << 20, 1L << 20, 64L << 20, Duration.ofHours(1), 100),
                Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        store.close();
        configured.close();
    }

    @BeforeEach
    void forgetStatements() {
        pg.executed.clear();
    }

    private McpServer server() {
        TextToSql pipeline = new TextToSql(Clock.systemUTC(), VerifiedExamples.none(), TextToSqlSettings.DEFAULTS, null);
        McpServer.Builder b = McpServer.builder("sluice", "test");
        new DataTools(sources, new QueryRunner(store), new ServerFacts("sluice", "test", Instant.now(), "test", false, List.of()),
                Clock.systemUTC(), new LlmQuestionAnswering(pipeline, providers)).register(b);
        TextToSqlTools.register(b, sources, providers, pipeline);
        return b.build();
    }

    private ObjectNode call(String tool, String argsJson) {
        ObjectNode params = Json.object();
        params.put("name", tool);
        params.set("arguments", Json.parse(argsJson));
        return server().handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", params), PLAIN,
                RequestChannel.detached(new Cancellation()));
    }

    private static String sql(String sql) {
        return "```sql\n" + sql + "\n```";
    }

    private static long count(String sql) throws Exception {
        try (Connection c = postgres.connect(DATABASE); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void textToSql_promptCarriesPostgresRules_qualifiedNames_commentsAndSampleValuesReadFromPostgres() {
        String join = "SELECT c.city, count(*) AS orders FROM sales.orders o JOIN sales.customers c ON c.customer_id = o.customer_id "
                + "GROUP BY c.city ORDER BY orders DESC LIMIT 100";
        llm.answer(sql(join));
        ObjectNode result = call("text_to_sql", "{\"natural_language_query\":\"How many orders came from each city?\",\"source\":\"pg\"}");

        JsonNode out = result.path("structuredContent");
        assertThat(result.path("isError").asBoolean()).as(out.toString()).isFalse();
        assertThat(out.path("dialect").asText()).isEqualTo("postgres");
        assertThat(out.path("sql").asText()).isEqualTo(join);
        assertThat(out.path("tables_used")).extracting(JsonNode::asText).containsExactlyInAnyOrder("sales.orders", "sales.customers");
        assertThat(out.path("database").asText()).isEqualTo("sales");
        assertThat(out.path("notes").get(0).asText()).isEqualTo("schema: all 3 tables");

        String system = llm.request(0).at("/messages/0/content").asText();
        assertThat(system).contains("SQL for PostgreSQL", "PostgreSQL specifics:", "to_char(ts, 'YYYY-MM')", "ts - INTERVAL '7 days'",
                "fully qualified table names", "pg_sleep").doesNotContain("DuckDB specifics", "strftime");
        String schema = llm.request(0).at("/messages/1/content").asText();
        assertThat(schema).contains("Schema of source pg (3 tables)", "CREATE TABLE sales.customers (", "CREATE TABLE sales.orders (",
                        "CREATE TABLE support.tickets (")
                .contains("-- People and companies that bought from the shop (~8 rows)", "-- Customer support requests (~4 rows)")
                .contains("country character(2), -- ISO 3166-1 alpha-2 code; e.g. 'FR', 'JP', 'DE'")
                .contains("city text, -- e.g. 'Paris', '東京', 'Berlin'")
                .contains("channel text, -- How the customer reached us; e.g. 'メール', '電話'")
                .contains("opened_at timestamp with time zone")
                .contains("customer_id integer PRIMARY KEY,")
                .contains("customer_id integer REFERENCES sales.customers(customer_id),")
                .contains("status order_status, -- e.g. 'pending', 'shipped', 'cancelled'")
                .doesNotContain("配送が遅れています", "Aiko Tanaka");
        assertThat(llm.bodies().getFirst()).doesNotContain("jdbc:", postgres.jdbcUrl(DATABASE), "password", FakeOpenAi.API_KEY);
        assertThat(pg.executed).containsExactly("EXPLAIN " + join);
    }

    @Test
    void executeQuery_japaneseQuestion_runsTheGeneratedJoin_returnsTheRightRows_andAJapaneseSummary() {
        String revenue = "SELECT c.city, count(*) AS orders, sum(o.total) AS revenue FROM sales.orders o "
                + "JOIN sales.customers c ON c.customer_id = o.customer_id WHERE o.status = 'shipped' "
                + "GROUP BY c.city ORDER BY revenue DESC LIMIT 100";
        llm.answer(sql(revenue)).answer("発送済みの売上はParisが355.00ユーロで最も多く、東京が300.49ユーロで続きます。");
        JsonNode out = call("execute_query", "{\"natural_language_query\":\"発送済みの注文の売上が一番多い都市はどこですか？\"}")
                .path("structuredContent");

        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("source").asText()).isEqualTo("pg");
        assertThat(out.path("sql").asText()).isEqualTo(revenue);
        assertThat(out.path("row_count").asInt()).isEqualTo(2);
        assertThat(out.at("/rows/0/city").asText()).isEqualTo("Paris");
        assertThat(out.at("/rows/0/orders").asInt()).isEqualTo(2);
        assertThat(out.at("/rows/0/revenue").decimalValue()).isEqualByComparingTo("355.00");
        assertThat(out.at("/rows/1/city").asText()).isEqualTo("東京");
        assertThat(out.at("/rows/1/orders").asInt()).isEqualTo(3);
        assertThat(out.at("/rows/1/revenue").decimalValue()).isEqualByComparingTo("300.49");
        assertThat(out.at("/generation/dialect").asText()).isEqualTo("postgres");
        assertThat(out.at("/generation/attempts").asInt()).isEqualTo(1);
        assertThat(out.path("summary").asText()).isEqualTo("発送済みの売上はParisが355.00ユーロで最も多く、東京が300.49ユーロで続きます。");
        assertThat(llm.request(1).at("/messages/0/content").asText()).contains("Answer in Japanese");
        assertThat(llm.promptText(1)).contains("Question: 発送済みの注文の売上が一番多い都市はどこですか？", "\"city\":\"東京\"", "355.00");
        assertThat(pg.executed).containsExactly("EXPLAIN " + revenue, revenue);
    }

    @Test
    void executeQuery_filtersOnANonAsciiValue_andReturnsZonedTimestamps() {
        String latest = "SELECT ticket_id, subject, opened_at FROM support.tickets WHERE channel = '電話' ORDER BY opened_at DESC LIMIT 1";
        llm.answer(sql(latest)).answer("最新の電話の問い合わせは「商品が届きません」です。");
        JsonNode out = call("execute_query", "{\"natural_language_query\":\"電話で来た最新の問い合わせは？\"}").path("structuredContent");

        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("row_count").asInt()).isEqualTo(1);
        assertThat(out.at("/rows/0/ticket_id").asInt()).isEqualTo(4);
        assertThat(out.at("/rows/0/subject").asText()).isEqualTo("商品が届きません");
        assertThat(out.at("/rows/0/opened_at").asText()).isEqualTo("2025-10-06T09:00:00Z");
        assertThat(out.path("columns")).extracting(c -> c.path("type").asText()).containsExactly("int4", "text", "timestamptz");
    }

    @Test
    void engineErrors_anUnknownColumnAndADuckDbOnlyFunction_areCaughtByExplain_fedBack_andTheRepairRuns() {
        String repaired = "SELECT to_char(ordered_at, 'YYYY-MM') AS month, count(*) AS orders FROM sales.orders GROUP BY 1 ORDER BY 1";
        llm.answer(sql("SELECT customer_name, count(*) FROM sales.orders GROUP BY 1"))
                .answer(sql("SELECT strftime(ordered_at, '%Y-%m') AS month, count(*) AS orders FROM sales.orders GROUP BY 1 ORDER BY 1"))
                .answer(sql(repaired))
                .answer("Five orders in October 2025, three in September.");
        JsonNode out = call("execute_query", "{\"natural_language_query\":\"How many orders per month?\"}").path("structuredContent");

        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("sql").asText()).isEqualTo(repaired);
        assertThat(out.path("rows")).hasToString("[{\"month\":\"2025-09\",\"orders\":3},{\"month\":\"2025-10\",\"orders\":5}]");
        assertThat(out.at("/generation/attempts").asInt()).isEqualTo(3);
        assertThat(out.at("/generation/notes")).extracting(JsonNode::asText)
                .anyMatch(n -> n.startsWith("attempt 1 failed: PostgreSQL rejected it: ERROR: column \"customer_name\" does not exist"))
                .anyMatch(n -> n.startsWith("attempt 2 failed: PostgreSQL rejected it: ERROR: function strftime("))
                .contains("repaired: attempt 3 passed the guard and the engine check");
        String firstRepair = llm.request(1).at("/messages/3/content").asText();
        assertThat(firstRepair).startsWith("PostgreSQL rejected it: ERROR: column \"customer_name\" does not exist")
                .as("the position points into the model's SQL, not into EXPLAIN + SQL").contains("Position: 8")
                .endsWith("Write a corrected query: one read-only statement in a ```sql fence.");
        assertThat(llm.request(2).at("/messages/5/content").asText())
                .contains("function strftime(timestamp without time zone, unknown) does not exist", "Position: 8");
        assertThat(pg.executed).filteredOn(s -> !s.startsWith("EXPLAIN ")).containsExactly(repaired);
        assertThat(out.path("summary").asText()).isEqualTo("Five orders in October 2025, three in September.");
    }

    @Test
    void showOfAnAllowedSetting_isNotSentToExplain_whichTakesOnlyQueries() {
        assertThat(dev.sluice.sql.guard.SqlGuard.forDialect(dev.sluice.sql.source.Dialect.POSTGRES).check("SHOW timezone").showsSetting()).isTrue();
        assertThat(dev.sluice.sql.guard.SqlGuard.forDialect(dev.sluice.sql.source.Dialect.POSTGRES).check("SELECT 1").showsSetting()).isFalse();
        llm.answer(sql("SHOW timezone"));
        JsonNode out = call("text_to_sql", "{\"natural_language_query\":\"Which time zone does the database use?\"}").path("structuredContent");

        assertThat(out.path("status").asText()).as(out.toString()).isEqualTo("generated");
        assertThat(out.path("sql").asText()).isEqualTo("SHOW timezone");
        assertThat(out.path("attempts").asInt()).as("no 'EXPLAIN SHOW' syntax error to repair").isEqualTo(1);
        assertThat(pg.executed).noneMatch(s -> s.startsWith("EXPLAIN SHOW"));
    }

    @Test
    void enumColumnMatchedLikeText_isCaughtByExplain_andRepairedToOneOfTheShownLabels() {
        String repaired = "SELECT count(*) AS cancelled FROM sales.orders WHERE status = 'cancelled'";
        llm.answer(sql("SELECT count(*) AS cancelled FROM sales.orders WHERE status ILIKE '%cancel%'")).answer(sql(repaired))
                .answer("Two orders were cancelled.");
        JsonNode out = call("execute_query", "{\"natural_language_query\":\"How many orders were cancelled?\"}").path("structuredContent");

        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.at("/rows/0/cancelled").asInt()).isEqualTo(2);
        assertThat(llm.request(0).at("/messages/0/content").asText()).contains("enum");
        assertThat(llm.request(1).at("/messages/3/content").asText()).contains("operator does not exist", "~~*");
    }

    @Test
    void generatedWrites_lockingReads_andSleeps_areRefusedByTheGuard_andNeverReachPostgres() throws Exception {
        llm.answer(sql("DELETE FROM sales.orders WHERE status = 'cancelled'"))
                .answer(sql("SELECT pg_sleep(30), count(*) FROM sales.orders"))
                .answer(sql("SELECT * FROM sales.orders WHERE status = 'pending' FOR UPDATE"));
        ObjectNode result = call("text_to_sql", "{\"natural_language_query\":\"Which orders are cancelled or pending?\"}");
        JsonNode out = result.path("structuredContent");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(out.path("status").asText()).isEqualTo("not_generated");
        assertThat(out.path("rule").asText()).isEqualTo("locking_clause");
        assertThat(out.path("notes")).extracting(JsonNode::asText)
                .anyMatch(n -> n.startsWith("attempt 1 failed: The SQL guard refused it (rule not_a_query)"))
                .anyMatch(n -> n.startsWith("attempt 2 failed: The SQL guard refused it (rule denied_function)"))
                .anyMatch(n -> n.startsWith("attempt 3 failed: The SQL guard refused it (rule locking_clause)"));
        assertThat(out.path("schema_context").asText()).contains("CREATE TABLE sales.orders");
        assertThat(out.path("instructions").asText()).contains("PostgreSQL specifics:");

        llm.answer(sql("WITH gone AS (UPDATE sales.orders SET total = 0 RETURNING order_id) SELECT count(*) FROM gone"))
                .answer(sql("UPDATE sales.orders SET status = 'shipped'"))
                .answer(sql("SELECT * INTO sales.orders_copy FROM sales.orders"));
        JsonNode executed = call("execute_query", "{\"natural_language_query\":\"How many orders are there?\"}").path("structuredContent");
        assertThat(executed.path("success").asBoolean()).isFalse();
        assertThat(executed.path("query_execution_id").isNull()).isTrue();
        assertThat(executed.path("notes")).extracting(JsonNode::asText)
                .anyMatch(n -> n.contains("(rule write_in_query)")).anyMatch(n -> n.contains("(rule not_a_query)"))
                .anyMatch(n -> n.contains("(rule select_into)"));

        assertThat(pg.executed).as("nothing the guard refused reached the database, not even EXPLAIN").isEmpty();
        assertThat(count("SELECT count(*) FROM sales.orders")).isEqualTo(8);
        assertThat(count("SELECT count(*) FROM sales.orders WHERE status = 'cancelled'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM sales.orders WHERE status = 'shipped'")).isEqualTo(5);
        assertThat(count("SELECT round(sum(total) * 100) FROM sales.orders")).isEqualTo(72274);
        assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'orders_copy'")).isZero();
    }

    @Test
    void databaseHint_narrowsTheContextToThatSchema() {
        String byChannel = "SELECT channel, count(*) AS tickets FROM support.tickets GROUP BY channel ORDER BY tickets DESC";
        llm.answer(sql(byChannel));
        JsonNode out = call("text_to_sql", "{\"natural_language_query\":\"How many requests per channel?\",\"database\":\"support\"}")
                .path("structuredContent");

        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("database").asText()).isEqualTo("support");
        assertThat(out.path("notes").get(0).asText()).isEqualTo("schema: 1 of 3 tables retrieved for the question");
        String user = llm.request(0).at("/messages/1/content").asText();
        assertThat(user).contains("chosen for this question):\n-- Customer support requests", "CREATE TABLE support.tickets (")
                .doesNotContain("CREATE TABLE sales.").contains("The user says the answer is in: database/schema support.");
    }

    @Test
    void tableHint_putsThatTableFirst_andKeepsToItsSchema() {
        llm.answer(sql("SELECT count(*) FROM sales.orders WHERE status = 'pending'"));
        JsonNode out = call("text_to_sql", "{\"natural_language_query\":\"How many are still waiting?\",\"database\":\"sales\",\"table\":\"orders\"}")
                .path("structuredContent");

        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("table").asText()).isEqualTo("orders");
        String user = llm.request(0).at("/messages/1/content").asText();
        assertThat(user).doesNotContain("support.tickets").contains("database/schema sales, table orders.");
        assertThat(user.indexOf("CREATE TABLE sales.orders")).isNotNegative().isLessThan(user.indexOf("CREATE TABLE sales.customers"));
    }

    @Test
    void catalogHint_namingTheDatabase_narrowsNothingAway() {
        llm.answer(sql("SELECT count(*) FROM sales.customers"));
        JsonNode out = call("text_to_sql", "{\"natural_language_query\":\"How many customers?\",\"catalog\":\"" + DATABASE
                + "\",\"database\":\"sales\"}").path("structuredContent");

        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(out.path("catalog").asText()).isEqualTo(DATABASE);
        assertThat(llm.promptText(0)).contains("CREATE TABLE sales.customers (", "CREATE TABLE sales.orders (")
                .doesNotContain("support.tickets").contains("The user says the answer is in: catalog text_to_sql, database/schema sales.");
    }

    @Test
    void hintNamingNoSchema_failsBeforeAnyModelCall() {
        ObjectNode result = call("text_to_sql", "{\"natural_language_query\":\"How many employees?\",\"database\":\"hr\"}");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.at("/structuredContent/rule").asText()).isEqualTo("no_tables");
        assertThat(result.at("/structuredContent/error").asText()).contains("database hr");
        assertThat(llm.bodies()).isEmpty();
    }

    @Test
    void describeTable_showsKeysAndEnumValues_butNotThoseThePolicyHides() {
        JsonNode orders = call("describe_table", "{\"source\":\"pg\",\"table\":\"sales.orders\"}").path("structuredContent");
        assertThat(orders.path("primary_key").toString()).isEqualTo("[\"order_id\"]");
        assertThat(orders.path("foreign_keys").toString()).isEqualTo(
                "[{\"columns\":[\"customer_id\"],\"references\":\"sales.customers\",\"referenced_columns\":[\"customer_id\"]}]");
        assertThat(column(orders, "status").path("values").toString()).isEqualTo("[\"pending\",\"shipped\",\"cancelled\"]");
        assertThat(column(orders, "total").has("values")).isFalse();

        String yaml = "sources:\n  guarded:\n    kind: postgres\n    url: " + postgres.jdbcUrl(DATABASE) + "\n    user: " + postgres.superuser()
                + "\n    schema: sales\n    policy: { deny_tables: [sales.customers], mask_columns: { status: redact } }\n";
        try (Sources guarded = Sources.open(Sources.validate(ConfigLoader.parse("g.yaml", yaml, Map.of()).sources(), SourceKinds.builtIn()))) {
            McpServer.Builder b = McpServer.builder("sluice", "test");
            new DataTools(guarded, new QueryRunner(store), new ServerFacts("sluice", "test", Instant.now(), "test", false, List.of()),
                    Clock.systemUTC()).register(b);
            ObjectNode params = Json.object();
            params.put("name", "describe_table");
            params.set("arguments", Json.parse("{\"source\":\"guarded\",\"table\":\"sales.orders\"}"));
            JsonNode hidden = b.build().handle(new JsonRpcMessage.Request(IntNode.valueOf(1), "tools/call", params), PLAIN,
                    RequestChannel.detached(new Cancellation())).path("structuredContent");
            assertThat(hidden.path("primary_key").toString()).isEqualTo("[\"order_id\"]");
            assertThat(hidden.has("foreign_keys")).as("a key to a denied table is not shown").isFalse();
            assertThat(column(hidden, "status").has("values")).as("a masked enum shows no values").isFalse();
            assertThat(column(hidden, "status").path("type").asText()).isNotEmpty();
        }
    }

    private static JsonNode column(JsonNode described, String name) {
        for (JsonNode c : described.path("columns")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no column " + name + " in " + described);
    }

    @Test
    void retrieval_withATightBudget_picksTheTableTheQuestionIsAbout() {
        TextToSql tight = new TextToSql(Clock.systemUTC(), VerifiedExamples.none(),
                new TextToSqlSettings(2, 1, 500, 2_000, 3, 1024, Duration.ofMinutes(10), true, true), null);
        assertThat(tight.retrievedTables(pg, "How many support tickets came in by each channel?", RetrievalHints.none()))
                .extracting(CatalogTable::qualifiedName).containsExactly("support.tickets");
        assertThat(tight.retrievedTables(pg, "Total order value per status", RetrievalHints.none()))
                .extracting(CatalogTable::qualifiedName).containsExactly("sales.orders");
        assertThat(tight.retrievedTables(pg, "Which customers live in Paris?", RetrievalHints.none()))
                .extracting(CatalogTable::qualifiedName).containsExactly("sales.customers");

        llm.answer(sql("SELECT name FROM sales.customers WHERE city = 'Paris' ORDER BY name LIMIT 100"));
        SqlAnswer answer = tight.generate(providers.forCall(null), pg, new Question("Which customers live in Paris?", null, null, null),
                new Cancellation());
        assertThat(answer.success()).as(answer.toString()).isTrue();
        assertThat(answer.notes()).contains("schema: 1 of 3 tables retrieved for the question");
        assertThat(llm.promptText(0)).contains("CREATE TABLE sales.customers (").doesNotContain("CREATE TABLE sales.orders", "support.tickets");
    }

    /** The configured PostgreSQL source, recording every statement that reaches {@link #execute}. */
    private static final class RecordingSource implements Source {
        final List<String> executed = new CopyOnWriteArrayList<>();
        private final Source delegate;

        RecordingSource(Source delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public String kind() {
            return delegate.kind();
        }

        @Override
        public Dialect dialect() {
            return delegate.dialect();
        }

        @Override
        public Set<Capability> capabilities() {
            return delegate.capabilities();
        }

        @Override
        public SourceSettings settings() {
            return delegate.settings();
        }

        @Override
        public String defaultSchema() {
            return delegate.defaultSchema();
        }

        @Override
        public Duration ping() {
            return delegate.ping();
        }

        @Override
        public List<TableInfo> listTables(String schema, String pattern) {
            return delegate.listTables(schema, pattern);
        }

        @Override
        public Optional<TableDetail> describe(TableRef table, int sampleRows) {
            return delegate.describe(table, sampleRows);
        }

        @Override
        public QueryCursor execute(String sql, List<Object> parameters, Duration timeout, Cancellation cancellation) {
            executed.add(sql);
            return delegate.execute(sql, parameters, timeout, cancellation);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
