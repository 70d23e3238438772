package dev.sluice.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.server.bench.BenchTarget;
import dev.sluice.server.bench.LatencyBench;
import dev.sluice.server.bench.ThroughputBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sluice bench}: latency and throughput of any MCP server over Streamable HTTP. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure an MCP server (Sluice or any other) over Streamable HTTP.",
                "latency mode: per iteration a fresh connection doing initialize (server/discover for 2026-07-28), "
                        + "tools/list and tools/call; prints mean, p50, p99 and stddev per operation.",
                "throughput mode: C callers repeat tools/call for S seconds; prints calls/s and latency percentiles."})
final class BenchCommand implements Callable<Integer> {
    enum Mode { latency, throughput }

    @Option(names = "--url", required = true, description = "MCP endpoint, e.g. http://127.0.0.1:8080/mcp")
    URI url;

    @Option(names = "--header", paramLabel = "K:V", description = "Extra request header (repeatable), e.g. Authorization:Bearer X")
    List<String> headers = List.of();

    @Option(names = "--iterations", defaultValue = "200", description = "Latency mode: measured iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmup", defaultValue = "20", description = "Latency mode: unmeasured iterations first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--tool", description = "Tool to call (default: the first listed tool without required arguments)")
    String tool;

    @Option(names = "--args", defaultValue = "{}", description = "Tool arguments as JSON (default: {})")
    String args;

    @Option(names = "--protocol", defaultValue = "2025-11-25", description = "Protocol revision: 2025-03-26, 2025-06-18, 2025-11-25 or 2026-07-28 (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--mode", defaultValue = "latency", description = "latency or throughput (default: ${DEFAULT-VALUE})")
    Mode mode;

    @Option(names = "--concurrency", defaultValue = "16", description = "Throughput mode: concurrent callers (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--duration", defaultValue = "10", description = "Throughput mode: seconds to run (default: ${DEFAULT-VALUE})")
    int duration;

    @Option(names = "--rate", defaultValue = "0", description = "Throughput mode: target calls/s across all callers; 0 = as fast as possible")
    double rate;

    @Option(names = "--warmup-seconds", defaultValue = "3", description = "Throughput mode: unmeasured seconds first (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Override
    public Integer call() {
        if (!ProtocolVersion.ALL.contains(protocol)) {
            throw new IllegalArgumentException("--protocol must be one of " + ProtocolVersion.ALL + ", got " + protocol);
        }
        if (iterations < 1 || warmup < 0 || concurrency < 1 || duration < 1 || rate < 0 || warmupSeconds < 0) {
            throw new IllegalArgumentException("--iterations, --concurrency and --duration must be at least 1; --warmup, --rate and --warmup-seconds at least 0");
        }
        BenchTarget target = new BenchTarget(url, parseHeaders(headers), protocol, tool, parseArgs(args));
        if (mode == Mode.latency) {
            LatencyBench.Result r = LatencyBench.run(target, iterations, warmup, System.out);
            LatencyBench.print(r, target.tool() == null ? withResolvedName(target) : target, System.out);
            return r.errors() == 0 ? 0 : 2;
        }
        ThroughputBench.Result r = ThroughputBench.run(target, concurrency, Duration.ofSeconds(duration), rate,
                Duration.ofSeconds(warmupSeconds));
        ThroughputBench.print(r, target, concurrency, rate, System.out);
        return r.errors() == 0 ? 0 : 2;
    }

    private static BenchTarget withResolvedName(BenchTarget target) {
        return new BenchTarget(target.url(), target.headers(), target.protocolVersion(), "(first tool without required arguments)", target.arguments());
    }

    static Map<String, String> parseHeaders(List<String> raw) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String h : raw) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--header must look like Name:Value, got " + h);
            }
            map.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        return map;
    }

    static ObjectNode parseArgs(String json) {
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--args is not valid JSON: " + e.getMessage());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("--args must be a JSON object, got " + json);
        }
        return (ObjectNode) node;
    }
}
