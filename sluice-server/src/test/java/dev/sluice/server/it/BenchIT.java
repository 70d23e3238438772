package dev.sluice.server.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice bench} against a real {@code sluice serve}, in both modes and both eras. */
class BenchIT {

    @Test
    void latencyMode_reportsEveryOperation_forLegacyAndModernClients() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            for (String protocol : List.of("2025-11-25", "2026-07-28")) {
                NodeTools.Result r = NodeTools.run(SluiceProcess.javaCommand("bench", "--url", sluice.url(),
                        "--iterations", "20", "--warmup", "2", "--protocol", protocol), Map.of(), 120);
                assertThat(r.exitCode()).as(r.output()).isZero();
                assertThat(r.output()).contains(protocol.startsWith("2026") ? "server/discover" : "initialize",
                        "tools/list", "tools/call", "total", "p50 ms", "p99 ms", "stddev ms", "calls=20 errors=0");
            }
        }
    }

    @Test
    void throughputMode_withTargetRate_reportsCallsPerSecondAndPercentiles() throws Exception {
        try (SluiceProcess sluice = SluiceProcess.start("serve", "--port", "0")) {
            NodeTools.Result r = NodeTools.run(SluiceProcess.javaCommand("bench", "--url", sluice.url(),
                    "--mode", "throughput", "--concurrency", "4", "--duration", "2", "--rate", "200",
                    "--warmup-seconds", "0", "--tool", "test_connection"), Map.of(), 120);
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).containsPattern("calls/s \\d+ over \\d+\\.\\d s; latency ms p50 [\\d.]+ p99 [\\d.]+");
            assertThat(r.output()).contains("errors=0", "target 200 calls/s");
        }
    }

    @Test
    void unreachableServer_failsWithAClearMessage() throws Exception {
        NodeTools.Result r = NodeTools.run(SluiceProcess.javaCommand("bench", "--url", "http://127.0.0.1:9/mcp",
                "--iterations", "1"), Map.of(), 60);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("sluice: initialize failed");
    }
}
