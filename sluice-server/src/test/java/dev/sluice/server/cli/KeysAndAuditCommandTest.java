package dev.sluice.server.cli;

import dev.sluice.audit.AuditKind;
import dev.sluice.audit.AuditLog;
import dev.sluice.audit.AuditRecord;
import dev.sluice.audit.AuditSettings;
import dev.sluice.audit.AuditStatus;
import dev.sluice.audit.AuditStores;
import dev.sluice.mcp.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice keys} and {@code sluice audit} against a key file and an audit store named by the configuration. */
class KeysAndAuditCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    /** Runs the CLI in process; these commands print with System.out, so it is captured for the call. */
    private static synchronized Run run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            CommandLine cli = SluiceCommand.commandLine();
            cli.setErr(new PrintWriter(err));
            int exit = cli.execute(args);
            capture.flush();
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    private Path config() throws Exception {
        Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, "auth: { key_file: " + dir.resolve("keys.json") + " }\naudit: { store: " + dir.resolve("audit.db") + " }\n");
        return config;
    }

    @Test
    void keys_createListRevoke_neverShowTheSecretAgain() throws Exception {
        String config = config().toString();
        Run created = run("keys", "create", "--config", config, "--name", "claude", "--scopes", "sql:read,metrics:read");
        assertThat(created.exit()).as(created.err()).isZero();
        String key = created.out().trim();
        assertThat(key).startsWith("slk_");
        assertThat(Files.readString(dir.resolve("keys.json"))).doesNotContain(key);

        Run listed = run("keys", "list", "--config", config);
        assertThat(listed.out()).contains("claude").contains("sql:read,metrics:read").doesNotContain(key);

        Run revoked = run("keys", "revoke", "--config", config, "claude");
        assertThat(revoked.exit()).isZero();
        assertThat(revoked.out()).startsWith("Revoked ");
        assertThat(run("keys", "list", "--config", config).out().lines().filter(l -> l.contains("claude")).findFirst().orElseThrow())
                .doesNotEndWith(" -");

        Run unknown = run("keys", "revoke", "--config", config, "nobody");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("nobody");
    }

    @Test
    void audit_tailSearchAndExport_readTheConfiguredStore() throws Exception {
        String config = config().toString();
        AuditSettings settings = new AuditSettings(dir.resolve("audit.db").toString(), null, null, AuditSettings.defaults().sync(),
                Duration.ZERO, false, AuditSettings.defaults().maxArgumentBytes());
        Instant now = Instant.parse("2026-11-21T09:00:00Z");
        try (AuditLog log = AuditStores.open(settings, Clock.systemUTC())) {
            log.append(AuditRecord.builder("0190f5a0-0000-7000-8000-000000000001", now, AuditKind.TOOL_CALL)
                    .principal("apikey:claude").tool("execute_query").finalSql("SELECT 1").status(AuditStatus.OK).build());
            log.append(AuditRecord.builder("0190f5a0-0000-7000-8000-000000000002", now.plusSeconds(1), AuditKind.REFUSED_REQUEST)
                    .status(AuditStatus.UNAUTHENTICATED).httpStatus(401).error("missing_credentials").build());
        }

        Run tail = run("audit", "tail", "--config", config, "-n", "5", "--format", "jsonl");
        assertThat(tail.exit()).as(tail.err()).isZero();
        List<String> lines = tail.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(Json.parse(lines.get(0)).path("tool").asText()).isEqualTo("execute_query");

        Run table = run("audit", "tail", "--config", config);
        assertThat(table.out().lines().count()).isEqualTo(3); // header and two records

        Run search = run("audit", "search", "--config", config, "--status", "unauthenticated", "--format", "jsonl");
        assertThat(search.out().lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l).contains("missing_credentials"));

        Path exported = dir.resolve("export.jsonl");
        Run export = run("audit", "export", "--config", config, "--principal", "apikey:claude", "-o", exported.toString());
        assertThat(export.exit()).isZero();
        assertThat(Files.readAllLines(exported)).hasSize(1).allSatisfy(l -> assertThat(Json.parse(l).path("final_sql").asText())
                .isEqualTo("SELECT 1"));

        Run badStatus = run("audit", "search", "--config", config, "--status", "fine");
        assertThat(badStatus.exit()).isEqualTo(1);
        assertThat(badStatus.err()).contains("unknown status 'fine'");
    }

    @Test
    void audit_withoutAStore_saysWhereItLooked() throws Exception {
        Path config = dir.resolve("other.yaml");
        Files.writeString(config, "audit: { store: " + dir.resolve("missing.db") + " }\n");
        Run r = run("audit", "tail", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no audit log at").contains("missing.db");
        assertThat(Files.exists(dir.resolve("missing.db"))).isFalse();
    }
}
