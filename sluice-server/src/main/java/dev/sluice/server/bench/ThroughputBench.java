package dev.sluice.server.bench;

import dev.sluice.mcp.client.McpHttpClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * C concurrent callers repeat tools/call for a fixed time, each on its own kept-alive connection
 * with a lean raw HTTP client (so the generator's own CPU stays small). With a
 * target rate, each caller follows a schedule and latency is measured from the scheduled start,
 * so a stalled server cannot hide its stalls (no coordinated omission).
 */
public final class ThroughputBench {
    private ThroughputBench() {
    }

    public record Result(String tool, long calls, int errors, double seconds, Stats latency) {
        public double callsPerSecond() {
            return calls / seconds;
        }
    }

    public static Result run(BenchTarget target, int concurrency, Duration duration, double rate, Duration warmup) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        BenchTarget resolved;
        try (McpHttpClient probe = target.client(http)) {
            probe.connect();
            resolved = target.resolveTool(probe.listTools());
        }
        http.close();
        if (!warmup.isZero()) {
            measure(resolved, concurrency, warmup, rate);
        }
        return measure(resolved, concurrency, duration, rate);
    }

    private static Result measure(BenchTarget target, int concurrency, Duration duration, double rate) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long intervalNanos = rate > 0 ? (long) (1e9 * concurrency / rate) : 0;
        AtomicInteger errors = new AtomicInteger();
        List<long[]> samples = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        int capacity = (int) Math.min(50_000_000L / concurrency, Math.max(1024, duration.toSeconds() * 200_000L / concurrency));
        for (int w = 0; w < concurrency; w++) {
            long[] latencies = new long[capacity];
            int[] count = new int[1];
            samples.add(latencies);
            counts.add(count);
            long offset = intervalNanos == 0 ? 0 : intervalNanos * w / concurrency;
            workers.add(Thread.ofPlatform().daemon().start(() -> {
                try (RawMcpCaller client = new RawMcpCaller(target)) {
                    client.open();
                    long next = start + offset;
                    while (true) {
                        long scheduled = intervalNanos == 0 ? System.nanoTime() : next;
                        if (scheduled >= end) {
                            break;
                        }
                        if (intervalNanos != 0) {
                            long wait = scheduled - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                            next += intervalNanos;
                        }
                        client.call();
                        if (count[0] < latencies.length) {
                            latencies[count[0]++] = System.nanoTime() - scheduled;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    if (errors.incrementAndGet() == 1) {
                        System.err.println("caller failed: " + e.getMessage());
                    }
                }
            }));
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int pos = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(samples.get(w), 0, all, pos, counts.get(w)[0]);
            pos += counts.get(w)[0];
        }
        return new Result(target.tool(), total, errors.get(), seconds, Stats.of(all, total));
    }

    public static void print(Result r, BenchTarget target, int concurrency, double rate, PrintStream out) {
        out.printf("throughput: %s protocol %s, tool %s, %d callers%s%n", target.url(), target.protocolVersion(),
                r.tool(), concurrency, rate > 0 ? String.format(", target %.0f calls/s", rate) : " (unbounded)");
        out.printf("calls/s %.0f over %.1f s; latency ms p50 %.3f p99 %.3f p99.9 %.3f max %.3f mean %.3f%n",
                r.callsPerSecond(), r.seconds(), r.latency().p50Ms(), r.latency().p99Ms(), r.latency().p999Ms(),
                r.latency().maxMs(), r.latency().meanMs());
        out.println("calls=" + r.calls() + " errors=" + r.errors());
    }
}
