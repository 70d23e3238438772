package dev.sluice.server.bench;

import dev.sluice.mcp.client.McpHttpClient;

import java.io.PrintStream;

/**
 * Per iteration: a fresh client and connection doing connect (initialize or server/discover),
 * tools/list and tools/call, each timed on its own and together. Warm-up iterations are not counted.
 */
public final class LatencyBench {
    private LatencyBench() {
    }

    public record Result(Stats connect, Stats list, Stats call, Stats total, int errors) {
    }

    public static Result run(BenchTarget target, int iterations, int warmup, PrintStream out) {
        BenchTarget resolved;
        try (McpHttpClient probe = target.client(null)) {
            probe.connect();
            resolved = target.resolveTool(probe.listTools());
        }
        long[] connect = new long[iterations];
        long[] list = new long[iterations];
        long[] call = new long[iterations];
        long[] total = new long[iterations];
        int n = 0;
        int errors = 0;
        for (int i = 0; i < warmup + iterations; i++) {
            try (McpHttpClient client = resolved.client(null)) {
                long t0 = System.nanoTime();
                client.connect();
                long t1 = System.nanoTime();
                client.listTools();
                long t2 = System.nanoTime();
                client.callTool(resolved.tool(), resolved.arguments());
                long t3 = System.nanoTime();
                if (i >= warmup) {
                    connect[n] = t1 - t0;
                    list[n] = t2 - t1;
                    call[n] = t3 - t2;
                    total[n] = t3 - t0;
                    n++;
                }
            } catch (RuntimeException e) {
                errors++;
                if (errors == 1) {
                    out.println("first error: " + e.getMessage());
                }
            }
        }
        return new Result(Stats.of(connect, n), Stats.of(list, n), Stats.of(call, n), Stats.of(total, n), errors);
    }

    public static void print(Result r, BenchTarget target, PrintStream out) {
        out.println("latency: " + target.url() + " protocol " + target.protocolVersion() + ", tool " + target.tool()
                + " (fresh connection per iteration)");
        out.println(Stats.header());
        out.println(r.connect().row(target.protocolVersion().startsWith("2026") ? "server/discover" : "initialize"));
        out.println(r.list().row("tools/list"));
        out.println(r.call().row("tools/call"));
        out.println(r.total().row("total"));
        out.println("calls=" + r.call().count() + " errors=" + r.errors());
    }
}
