package dev.sluice.server.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official MCP conformance suite (npm {@code @modelcontextprotocol/conformance}) against
 * {@code sluice conformance-server}: 0.1.16 with every scenario, and 0.2.0-alpha.12 with the
 * 2025-11-25 and 2026-07-28 requirement sets. Zero failed checks are required in every scenario,
 * pending ones included; only the optional Tasks extension scenarios are left out.
 */
class ConformanceSuiteIT {
    private static SluiceProcess server;
    private static Path results;

    @BeforeAll
    static void start() throws Exception {
        NodeTools.node();
        server = SluiceProcess.start("conformance-server", "--port", "0");
        results = Files.createTempDirectory("sluice-conformance");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void suite_0_1_16_allScenarios_reportsNoFailures() throws Exception {
        assertPasses("legacy-all");
    }

    @Test
    void suite_0_2_0_alpha12_requirements_2025_11_25_reportsNoFailures() throws Exception {
        assertPasses("req-2025-11-25");
    }

    @Test
    void suite_0_2_0_alpha12_requirements_2026_07_28_reportsNoFailuresOutsideTasksExtension() throws Exception {
        assertPasses("req-2026-07-28");
    }

    private void assertPasses(String mode) throws Exception {
        Path repo = NodeTools.repo();
        NodeTools.Result suite = NodeTools.run(List.of("bash", repo.resolve("tools/conformance/run.sh").toString(),
                server.url(), mode, results.toString()), Map.of(), 900);
        NodeTools.Result summary = NodeTools.run(List.of(NodeTools.node(), repo.resolve("tools/conformance/summarize.mjs").toString(),
                results.resolve(mode).toString(), "--exclude-prefix", "tasks-"), Map.of(), 60);
        System.out.println("conformance " + mode + ":\n" + summary.output());
        assertThat(summary.output()).as("suite output:\n%s", suite.output()).containsPattern("TOTAL passed=\\d+ failed=0");
        assertThat(summary.exitCode()).as(summary.output()).isZero();
        assertThat(suite.output()).contains("Total:");
        assertThat(server.isAlive()).isTrue();
    }
}
