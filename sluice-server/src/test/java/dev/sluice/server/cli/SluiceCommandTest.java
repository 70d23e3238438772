package dev.sluice.server.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SluiceCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void version_printsSluiceVersion() {
        CliRun r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("sluice ");
    }

    @Test
    void help_listsEveryCommand() {
        CliRun r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("serve", "stdio", "conformance-server", "bench", "keys", "audit", "eval", "examples");
    }

    @Test
    void serve_refusesNonLoopbackWithoutAuthentication() {
        CliRun r = run("serve", "--host", "0.0.0.0", "--port", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("refusing to listen on 0.0.0.0 without authentication");
    }

    @Test
    void serve_badConfig_failsWithFileAndLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path config = dir.resolve("sluice.yaml");
        java.nio.file.Files.writeString(config, "server:\n  port: 80800\n");
        CliRun r = run("serve", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(config + ":2: server.port: must be between 0 and 65535, got 80800");
    }

    @Test
    void bench_rejectsMalformedOptions() {
        assertThat(run("bench", "--url", "http://127.0.0.1:1/mcp", "--args", "[1]").err())
                .contains("--args must be a JSON object");
        assertThat(run("bench", "--url", "http://127.0.0.1:1/mcp", "--protocol", "1999-01-01").err())
                .contains("--protocol must be one of");
        assertThat(run("bench", "--url", "http://127.0.0.1:1/mcp", "--iterations", "0").err())
                .contains("--iterations, --concurrency and --duration must be at least 1");
        assertThat(run("bench").err()).contains("Missing required option: '--url=<url>'");
    }

    @Test
    void bench_parsesHeaders() {
        assertThat(BenchCommand.parseHeaders(List.of("Authorization: Bearer x", "X-Api-Key:k")))
                .isEqualTo(Map.of("Authorization", "Bearer x", "X-Api-Key", "k"));
        assertThatThrownBy(() -> BenchCommand.parseHeaders(List.of("nocolon"))).hasMessageContaining("Name:Value");
    }

    @Test
    void keepsRunning_onlyForServers() {
        assertThat(SluiceCommand.keepsRunning(new String[]{"serve"})).isTrue();
        assertThat(SluiceCommand.keepsRunning(new String[]{"serve", "--help"})).isTrue();
        assertThat(SluiceCommand.keepsRunning(new String[]{"--version"})).isFalse();
        assertThat(SluiceCommand.keepsRunning(new String[]{"bench", "--url", "x"})).isFalse();
    }
}
