package dev.sluice.bench;

import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.config.SluiceConfig;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.transport.http.HttpTransportConfig;
import dev.sluice.mcp.transport.http.McpHttpServer;
import dev.sluice.server.HttpLauncher;
import dev.sluice.server.SluiceServerFactory;
import dev.sluice.server.bench.BenchTarget;
import dev.sluice.server.bench.RawMcpCaller;
import dev.sluice.server.bench.Stats;
import dev.sluice.sql.result.ResultStore;
import dev.sluice.sql.result.ResultStoreConfig;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.tools.DataTools;
import dev.sluice.sql.tools.QueryRunner;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What authentication, authorisation and the durable audit record add to one tool call: the
 * same data tools served over HTTP without governance and through Sluice's governed server (an
 * API key, scope check, SQLite audit in WAL mode), called one after the other on keep-alive
 * connections, in alternating rounds so machine noise hits both alike.
 * Run: {@code java -cp sluice-benchmarks.jar dev.sluice.bench.GovernanceOverheadBenchmark [calls-per-round] [rounds] [tool]}.
 */
public final class GovernanceOverheadBenchmark {
    private static final String KEY = "bench-key-0123456789abcdef";

    private GovernanceOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String tool = args.length > 2 ? args[2] : "list_sources";
        Path dir = Files.createTempDirectory("sluice-gov-bench");

        Sources sources = Sources.open(Sources.validate(ConfigLoader.parse("b.yaml", "", Map.of()).sources(), SourceKinds.builtIn()));
        ResultStore store = new ResultStore(new ResultStoreConfig(dir.resolve("results"), 64L << 20, 8L << 20, 1L << 30,
                Duration.ofHours(1), 100), Clock.systemUTC());
        McpServer.Builder plainBuilder = McpServer.builder("plain", "1");
        new DataTools(sources, new QueryRunner(store), new ServerFacts("plain", "1", Instant.now(), "plain", true, List.of()),
                Clock.systemUTC()).register(plainBuilder);
        McpHttpServer plain = new McpHttpServer(plainBuilder.build(), HttpTransportConfig.defaults("127.0.0.1").withStateless(true),
                "127.0.0.1", 0, List.of()).start();

        SluiceConfig config = ConfigLoader.parse("g.yaml", """
                server: { stateless: true }
                auth: { api_keys: [ { name: bench, key: %s, scopes: [sql:read] } ] }
                audit: { store: %s }
                """.formatted(KEY, dir.resolve("audit.db")), Map.of());
        SluiceServerFactory.Running app = SluiceServerFactory.create(config, "bench", Clock.systemUTC());
        McpHttpServer governed = HttpLauncher.start(app, config.server().withHostAndPort("127.0.0.1", 0));

        try (RawMcpCaller p = caller(plain, Map.of(), tool); RawMcpCaller g = caller(governed, Map.of("X-API-Key", KEY), tool)) {
            measure(p, perRound);
            measure(g, perRound);
            long[] plainNanos = new long[perRound * rounds];
            long[] governedNanos = new long[perRound * rounds];
            for (int r = 0; r < rounds; r++) {
                System.arraycopy(measure(p, perRound), 0, plainNanos, r * perRound, perRound);
                System.arraycopy(measure(g, perRound), 0, governedNanos, r * perRound, perRound);
            }
            Stats a = Stats.of(plainNanos, plainNanos.length);
            Stats b = Stats.of(governedNanos, governedNanos.length);
            System.out.printf("tools/call %s, %d calls each, one keep-alive connection, stateless 2025-11-25%n", tool, plainNanos.length);
            System.out.printf("%-44s p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n", "no governance", a.p50Ms(), a.p99Ms(), a.meanMs());
            System.out.printf("%-44s p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n", "API key + scopes + durable SQLite audit", b.p50Ms(),
                    b.p99Ms(), b.meanMs());
            System.out.printf("%-44s p50 %+.3f ms  p99 %+.3f ms%n", "added by governance", b.p50Ms() - a.p50Ms(), b.p99Ms() - a.p99Ms());
            System.out.printf("audit records written: %d%n", app.governance().audit().stats().records());
        } finally {
            governed.close();
            app.close();
            plain.close();
            store.close();
            sources.close();
        }
    }

    private static RawMcpCaller caller(McpHttpServer server, Map<String, String> headers, String tool) throws Exception {
        RawMcpCaller caller = new RawMcpCaller(new BenchTarget(URI.create("http://127.0.0.1:" + server.port() + "/mcp"), headers,
                "2025-11-25", tool, Json.object()));
        caller.open();
        return caller;
    }

    private static long[] measure(RawMcpCaller caller, int calls) throws Exception {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            caller.call();
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }
}
