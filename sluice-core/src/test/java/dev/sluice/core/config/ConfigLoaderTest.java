package dev.sluice.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @Test
    void defaults_pinEveryServerSetting() {
        ServerSettings d = SluiceConfig.defaults().server();
        assertThat(d.host()).isEqualTo("127.0.0.1");
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.stateless()).isFalse();
        assertThat(d.allowedHosts()).isEmpty();
        assertThat(d.allowedOrigins()).isEmpty();
        assertThat(d.maxBodyBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(d.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(d.maxSessions()).isEqualTo(10_000);
        assertThat(d.requestStateKey()).isNull();
    }

    @Test
    void parse_readsEveryServerKey() {
        SluiceConfig c = ConfigLoader.parse("s.yaml", """
                server:
                  host: localhost
                  port: 9090
                  stateless: true
                  allowed_hosts: [sluice.internal]
                  allowed_origins: ["https://console.example.com"]
                  max_body_bytes: 2048
                  session_idle_timeout: 90s
                  max_sessions: 5
                  request_state_key: 0123456789abcdef
                """, Map.of());
        ServerSettings s = c.server();
        assertThat(s.host()).isEqualTo("localhost");
        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.stateless()).isTrue();
        assertThat(s.allowedHosts()).containsExactly("sluice.internal");
        assertThat(s.allowedOrigins()).containsExactly("https://console.example.com");
        assertThat(s.maxBodyBytes()).isEqualTo(2048);
        assertThat(s.sessionIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.maxSessions()).isEqualTo(5);
        assertThat(s.requestStateKey()).isEqualTo("0123456789abcdef");
        assertThat(c.origin()).isEqualTo("s.yaml");
    }

    @Test
    void parse_unknownKey_namesFileLineAndKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("sluice.yaml", """
                server:
                  host: 127.0.0.1
                  prot: 8080
                """, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("sluice.yaml:3: server.prot: unknown key (known here: ");
    }

    @Test
    void parse_unknownTopLevelSection_isRefused() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "serverz:\n  port: 1\n", Map.of()))
                .hasMessageStartingWith("c.yaml:1: serverz: unknown key");
    }

    @Test
    void parse_specSectionNotYetBuilt_isRefusedByName() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "server:\n  port: 1\ngateway:\n  targets: {}\n", Map.of()))
                .hasMessage("c.yaml:3: gateway: this section is not supported by this build of Sluice yet");
    }

    @Test
    void parse_authNone_isAnEmptyAuthSection() {
        SluiceConfig config = ConfigLoader.parse("c.yaml", "auth: none\n", Map.of());
        assertThat(config.auth().isEmpty()).isTrue();
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "auth: yes-please\n", Map.of()))
                .hasMessage("c.yaml:1: auth: must be a mapping");
    }

    @Test
    void parse_keepsSourcesAndToolsForTheDataPlane() {
        SluiceConfig c = ConfigLoader.parse("c.yaml", "sources:\n  lake:\n    kind: duckdb\ntools:\n  t: {source: lake}\n", Map.of());
        assertThat(c.sources().keys()).containsExactly("lake");
        assertThat(c.tools().keys()).containsExactly("t");
        ConfigNode lake = c.sources().child("lake");
        assertThatThrownBy(lake::rejectUnknownKeys).hasMessage("c.yaml:3: sources.lake.kind: unknown key (known here: )");
        assertThat(SluiceConfig.defaults().sources().isEmpty()).isTrue();
    }

    @Test
    void parse_wrongTypes_explainWhatIsExpected() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "server:\n  port: eighty\n", Map.of()))
                .hasMessage("c.yaml:2: server.port: must be an integer, got 'eighty'");
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "server:\n  port: 70000\n", Map.of()))
                .hasMessage("c.yaml:2: server.port: must be between 0 and 65535, got 70000");
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "server:\n  stateless: maybe\n", Map.of()))
                .hasMessage("c.yaml:2: server.stateless: must be true or false, got 'maybe'");
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "server:\n  session_idle_timeout: soon\n", Map.of()))
                .hasMessage("c.yaml:2: server.session_idle_timeout: must be a duration such as 30s, 5m or 250ms, got 'soon'");
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "server: 8080\n", Map.of()))
                .hasMessage("c.yaml:1: server: must be a mapping");
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "server:\n  request_state_key: short\n", Map.of()))
                .hasMessage("c.yaml:2: server.request_state_key: must be at least 16 characters");
    }

    @Test
    void parse_substitutesEnvironmentVariablesWithDefaults() {
        SluiceConfig c = ConfigLoader.parse("c.yaml", "server:\n  port: ${PORT}\n  host: ${HOST:-localhost}\n",
                Map.of("PORT", "9191"));
        assertThat(c.server().port()).isEqualTo(9191);
        assertThat(c.server().host()).isEqualTo("localhost");
    }

    @Test
    void parse_missingEnvironmentVariable_namesLineAndVariable() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "# comment ${IGNORED}\nserver:\n  port: ${NOPE}\n", Map.of()))
                .hasMessage("c.yaml:3: environment variable NOPE is not set (write ${NOPE:-default} to give a default)");
    }

    @Test
    void parse_invalidYaml_isAConfigErrorWithLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "server:\n  port: [1, 2\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("c.yaml:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void parse_emptyFile_givesDefaults() {
        assertThat(ConfigLoader.parse("c.yaml", "", Map.of()).server()).isEqualTo(ServerSettings.defaults());
    }

    @Test
    void load_missingFile_isAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing)).hasMessage(missing + ": configuration file does not exist");
    }

    @Test
    void load_readsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sluice.yaml");
        Files.writeString(file, "server:\n  port: 7070\n");
        assertThat(ConfigLoader.load(file, k -> null).server().port()).isEqualTo(7070);
    }

    @Test
    void envSubstitution_leavesCommentsAlone() {
        assertThat(EnvSubstitution.apply("a: ${X} # ${Y}", Map.of("X", "1"), "f")).isEqualTo("a: 1 # ${Y}");
        assertThat(EnvSubstitution.apply("a: '#${X}'", Map.of("X", "1"), "f")).isEqualTo("a: '#1'");
    }

    @Test
    void strings_rejectsNestedValues() {
        assertThatThrownBy(() -> ConfigLoader.parse("c.yaml", "server:\n  allowed_hosts: [[a]]\n", Map.of()))
                .hasMessage("c.yaml:2: server.allowed_hosts: must be a list of strings");
        assertThat(ConfigLoader.parse("c.yaml", "server:\n  allowed_hosts: [a, b]\n", Map.of()).server().allowedHosts())
                .isEqualTo(List.of("a", "b"));
    }
}
