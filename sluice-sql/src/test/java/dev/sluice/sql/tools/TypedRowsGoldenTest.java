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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact JSON text of execute_query and fetch_query_results for every DuckDB type, edge values,
 * NULLs and masked columns of several types, against a golden file recorded before rows were stored
 * from typed JDBC values: the storage path may change, the output must not.
 */
class TypedRowsGoldenTest {
    private static final String GOLDEN = "/golden/typed-rows.json";
    @TempDir
    static Path dir;
    private static Sources sources;
    private static ResultStore store;
    private static McpServer server;
    private static TimeZone zone;
    private static long ids;

    @BeforeAll
    static void setUp() throws Exception {
        // DuckDB turns TIMESTAMPTZ into the JVM's zone: pin it so the golden text holds anywhere
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        Path db = dir.resolve("types.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE t (k INTEGER, b BOOLEAN, ti TINYINT, si SMALLINT, i INTEGER, bi BIGINT, hi HUGEINT,
                      ubi UBIGINT, ui UINTEGER, ut UTINYINT, f FLOAT, d DOUBLE, dec_s DECIMAL(4,1), dec_m DECIMAL(18,3),
                      dec_l DECIMAL(38,10), v VARCHAR, dt DATE, ts TIMESTAMP, ts_ns TIMESTAMP_NS, ts_ms TIMESTAMP_MS,
                      ts_s TIMESTAMP_S, tstz TIMESTAMPTZ, tm TIME, u UUID, bl BLOB, l INTEGER[], st STRUCT(a INTEGER, b VARCHAR),
                      m MAP(VARCHAR, INTEGER), iv INTERVAL,
                      mask_text VARCHAR, mask_num BIGINT, mask_dec DECIMAL(12,2), mask_ts TIMESTAMP, mask_dbl DOUBLE,
                      mask_date DATE, redact_int INTEGER, redact_bool BOOLEAN)""");
            s.execute("""
                    INSERT INTO t VALUES
                    (1, true, 1, 2, 3, 4, 5, 6, 7, 8, 1.5, -0.1, 12.3, 123456789012345.678, 1234567890123456789012345678.0123456789,
                     'plain', DATE '2026-10-20', TIMESTAMP '2026-10-20 09:00:00', TIMESTAMP_NS '2026-10-20 09:00:00.123456789',
                     TIMESTAMP_MS '2026-10-20 09:00:00.120', TIMESTAMP_S '2026-10-20 09:00:01', TIMESTAMPTZ '2026-10-20 09:00:00+02',
                     TIME '09:00:00.5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00\\x01\\xFF'::BLOB, [1, NULL, 3],
                     {'a': 1, 'b': 'x'}, MAP {'k': 1, 'n': NULL}, INTERVAL 90 MINUTE,
                     'secret@example.com', 42, 10.50, TIMESTAMP '2026-10-20 09:00:00.25', 2.5, DATE '2026-01-02', 7, true),
                    (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                    (3, false, -128, -32768, -2147483648, -9223372036854775808, -170141183460469231731687303715884105728,
                     18446744073709551615, 4294967295, 255, 'NaN', 'Infinity', -999.9, -999999999999999.999,
                     -9999999999999999999999999999.9999999999, '', DATE '0001-01-01', TIMESTAMP '1969-12-31 23:59:59.999999',
                     TIMESTAMP_NS '1677-09-22 00:00:00.000001001', TIMESTAMP_MS '1970-01-01 00:00:00.001', TIMESTAMP_S '1900-03-01 00:00:00',
                     TIMESTAMPTZ '1970-01-01 00:00:00+00', TIME '00:00:00', '00000000-0000-0000-0000-000000000000', ''::BLOB, [],
                     {'a': NULL, 'b': NULL}, MAP {}, INTERVAL 0 SECOND,
                     '', -1, -0.01, TIMESTAMP '1999-12-31 23:59:59', -0.0, DATE '1970-01-01', 0, false),
                    (4, true, 127, 32767, 2147483647, 9223372036854775807, 170141183460469231731687303715884105727,
                     0, 0, 0, '-Infinity', 1.0E300, 0.0, 0.001, 0.0000000001, 'üñí €😀 "quoted" \\ back\ttab
                    newline', DATE '9999-12-31', TIMESTAMP '9999-12-31 23:59:59.999999', TIMESTAMP_NS '2262-04-11 23:47:16.854775',
                     TIMESTAMP_MS '2000-02-29 12:00:00', TIMESTAMP_S '2100-01-01 00:00:00', TIMESTAMPTZ '2026-03-29 01:30:00+00',
                     TIME '23:59:59.999999', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'abc'::BLOB, [2147483647],
                     {'a': -1, 'b': ''}, MAP {'': 0}, INTERVAL '1 year 2 months 3 days 04:05:06.789',
                     'x', 9223372036854775807, 99.99, TIMESTAMP '2026-10-20 00:00:00', 1e-320, DATE '2000-02-29', -5, NULL),
                    (5, false, 0, 0, 0, 0, 0, 0, 0, 0, 3.4028235e38, 4.9e-324, 0.5, 1.000, 1.0000000000,
                     'x', DATE '10000-01-01', TIMESTAMP '10000-01-01 00:00:00', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                     NULL, NULL, NULL, 'x', 1, 0, TIMESTAMP '0001-01-01 00:00:00', 'NaN', DATE '-0044-03-15', 1, true),
                    (6, true, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                     'x', DATE '-0044-03-15', TIMESTAMP '-0100-06-01 12:30:00.5', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)""");
        }
        String yaml = """
                sources:
                  types:
                    kind: duckdb
                    path: %s
                    max_rows: 100
                    policy:
                      mask_columns: {mask_text: hash, mask_num: hash, mask_dec: hash, mask_ts: hash, mask_dbl: hash,
                                     mask_date: hash, redact_int: redact, redact_bool: redact}
                """.formatted(db);
        sources = Sources.open(Sources.validate(ConfigLoader.parse("t.yaml", yaml, Map.of()).sources(), SourceKinds.builtIn()));
        store = new ResultStore(new ResultStoreConfig(dir.resolve("results"), 16L << 20, 1L << 20, 64L << 20, Duration.ofHours(1), 100),
                Clock.systemUTC());
        McpServer.Builder b = McpServer.builder("sluice", "test");
        new DataTools(sources, new QueryRunner(store), new ServerFacts("sluice", "test", Instant.now(), "test", false, List.of()),
                Clock.systemUTC()).register(b);
        server = b.build();
    }

    @AfterAll
    static void tearDown() {
        store.close();
        sources.close();
        TimeZone.setDefault(zone);
    }

    @Test
    void everyTypeAndMask_readsExactlyAsBefore_onTheFirstPageAndWhenPaging() throws Exception {
        StringBuilder actual = new StringBuilder();
        JsonNode first = call("execute_query", "{\"sql_query\":\"SELECT * FROM t ORDER BY k\",\"max_rows\":2}");
        actual.append(stable(first)).append('\n');
        String id = first.path("query_execution_id").asText();
        String token = first.path("next_token").asText();
        while (!token.isEmpty()) {
            JsonNode page = call("fetch_query_results", "{\"query_execution_id\":\"" + id + "\",\"next_token\":\"" + token
                    + "\",\"max_rows\":3}");
            actual.append(stable(page)).append('\n');
            token = page.path("next_token").isNull() ? "" : page.path("next_token").asText();
        }
        String expected;
        try (InputStream in = TypedRowsGoldenTest.class.getResourceAsStream(GOLDEN)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.contentEquals(actual)) {
            Files.writeString(Path.of("target", "typed-rows.actual.json"), actual); // to diff, or to record a new golden file
        }
        assertThat(actual.toString()).isEqualTo(expected);
    }

    /** The response text less what changes per run (ids, tokens, timings). */
    private static String stable(JsonNode response) {
        ObjectNode copy = response.deepCopy();
        copy.remove(List.of("query_execution_id", "next_token", "elapsed_ms"));
        return Json.text(copy);
    }

    private static JsonNode call(String tool, String args) {
        ObjectNode params = Json.object();
        params.put("name", tool);
        params.set("arguments", Json.parse(args));
        ObjectNode result = server.handle(new JsonRpcMessage.Request(Json.MAPPER.getNodeFactory().numberNode(++ids), "tools/call", params),
                new Caller("2025-11-25", false, null, Json.object(), null, null, null), RequestChannel.detached(new Cancellation()));
        JsonNode out = result.path("structuredContent");
        assertThat(out.path("success").asBoolean()).as(out.toString()).isTrue();
        assertThat(result.path("content").get(0).path("text").asText()).isEqualTo(Json.text(out));
        return out;
    }
}
