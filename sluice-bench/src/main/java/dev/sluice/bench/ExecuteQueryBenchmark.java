package dev.sluice.bench;

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
import dev.sluice.sql.tools.DataTools;
import dev.sluice.sql.tools.QueryRunner;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * execute_query against raw JDBC on the same DuckDB file: a small result and a 100k-row result
 * (the tool stores the whole result and returns its first page), then a 10M-row result paged to
 * the end with fetch_query_results, reporting rows/s and peak heap.
 * Run: {@code java -Xmx256m -cp sluice-benchmarks.jar dev.sluice.bench.ExecuteQueryBenchmark}.
 */
public final class ExecuteQueryBenchmark {
    private static long ids;

    private ExecuteQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sluice-eq-bench");
        Path db = dir.resolve("bench.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT range AS id, 'name-' || range AS name, (range % 1000) * 1.25::DECIMAL(12,2) AS amount, "
                    + "TIMESTAMP '2026-01-01' + INTERVAL (range) SECOND AS ts FROM range(100000)");
        }
        String yaml = "sources:\n  b:\n    kind: duckdb\n    path: " + db + "\n    max_rows: 10000\n    timeout: 10m\n";
        Sources sources = Sources.open(Sources.validate(ConfigLoader.parse("b.yaml", yaml, Map.of()).sources(), SourceKinds.builtIn()));
        ResultStore store = new ResultStore(new ResultStoreConfig(dir.resolve("results"), 64L << 20, 8L << 20, 4L << 30,
                Duration.ofHours(1), 100), Clock.systemUTC());
        McpServer.Builder b = McpServer.builder("bench", "1");
        new DataTools(sources, new QueryRunner(store), new ServerFacts("b", "1", Instant.now(), "b", false, List.of()),
                Clock.systemUTC()).register(b);
        McpServer server = b.build();

        String small = "SELECT count(*) AS n, sum(amount) AS total FROM t";
        String large = "SELECT id, name, amount, ts FROM t";
        for (int warm = 0; warm < 5; warm++) {
            rawJdbc(db, large);
            call(server, "execute_query", "{\"sql_query\":\"" + large + "\",\"max_rows\":100}");
        }
        report("small result (1 row)", median(() -> rawJdbc(db, small), 30),
                median(() -> call(server, "execute_query", "{\"sql_query\":\"" + small + "\"}"), 30));
        int n = Integer.getInteger("sluice.repeat", 10);
        report("100k-row result, first page of 100", median(() -> rawJdbc(db, large), n),
                median(() -> call(server, "execute_query", "{\"sql_query\":\"" + large + "\",\"max_rows\":100}"), n));

        if (Boolean.getBoolean("sluice.skip10m")) {
            store.close();
            sources.close();
            return;
        }
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        JsonNode first = call(server, "execute_query", "{\"sql_query\":\"SELECT range AS id, 'row-' || range AS name, "
                + "(range % 1000) * 1.25::DECIMAL(12,2) AS amount FROM range(10000000)\",\"max_rows\":10000}");
        long stored = System.nanoTime();
        long rows = first.path("row_count").asLong();
        String id = first.path("query_execution_id").asText();
        String token = first.path("next_token").asText(null);
        while (token != null) {
            JsonNode page = call(server, "fetch_query_results", "{\"query_execution_id\":\"" + id + "\",\"next_token\":\"" + token
                    + "\",\"max_rows\":10000}");
            rows += page.path("row_count").asLong();
            token = page.path("next_token").isNull() ? null : page.path("next_token").asText();
        }
        long end = System.nanoTime();
        System.out.printf("10M rows: execute_query stored the result in %.1f s (%.0f rows/s incl. the engine); "
                        + "paged %d rows with fetch_query_results at %.0f rows/s; peak heap %d MB (max %d MB)%n",
                (stored - start) / 1e9, 10_000_000 / ((stored - start) / 1e9), rows, (rows - 10000) / ((end - stored) / 1e9),
                peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
        store.close();
        sources.close();
    }

    private static void report(String what, double rawMs, double toolMs) {
        System.out.printf("%-36s raw JDBC %8.2f ms   execute_query %8.2f ms   overhead %+.1f%%%n", what, rawMs, toolMs,
                100 * (toolMs - rawMs) / rawMs);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double median(Work work, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[n / 2];
    }

    private static org.duckdb.DuckDBConnection raw;

    /** The baseline: read every value of every row, as a client of plain JDBC would, on an open database. */
    private static void rawJdbc(Path db, String sql) throws Exception {
        if (raw == null) {
            raw = (org.duckdb.DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + db, readOnly());
        }
        try (Connection c = raw.duplicate(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            long sink = 0;
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    sink += v == null ? 0 : 1;
                }
            }
            if (sink < 0) {
                throw new IllegalStateException();
            }
        }
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    private static JsonNode call(McpServer server, String tool, String args) {
        ObjectNode params = Json.object();
        params.put("name", tool);
        params.set("arguments", Json.parse(args));
        ObjectNode result = server.handle(new JsonRpcMessage.Request(Json.MAPPER.getNodeFactory().numberNode(++ids), "tools/call", params),
                new Caller("2025-11-25", false, null, Json.object(), null, null, null), RequestChannel.detached(new Cancellation()));
        JsonNode out = result.path("structuredContent");
        if (!out.path("success").asBoolean()) {
            throw new IllegalStateException(out.toString());
        }
        return out;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
