package dev.sluice.audit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static dev.sluice.audit.AuditRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditJsonTest {
    @Test
    void json_roundTripsEveryField() {
        AuditRecord r = AuditRecords.full(T0);

        String line = AuditJson.toJson(r);

        assertThat(line).startsWith("{\"id\":\"" + r.id() + "\",\"time\":\"2026-03-01T10:00:00.123456Z\",\"kind\":\"tool_call\"")
                .contains("\"guard_decision\":\"allowed\"", "\"http_status\":200", "\"llm_output_tokens\":80",
                        "\"question\":\"how many orders per region — ünïcode?\",\"clarification\":{\"question\":\"Orders placed, or orders shipped?\"")
                .doesNotContain("\n");
        assertThat(AuditJson.fromJson(line)).isEqualTo(r);
    }

    @Test
    void json_leavesOutNullFields() {
        AuditRecord r = AuditRecord.builder("x", Instant.parse("2026-01-01T00:00:00Z"), AuditKind.REFUSED_REQUEST)
                .status(AuditStatus.FORBIDDEN).build();

        assertThat(AuditJson.toJson(r)).isEqualTo("{\"id\":\"x\",\"time\":\"2026-01-01T00:00:00Z\",\"kind\":\"refused_request\","
                + "\"guard_decision\":\"none\",\"status\":\"forbidden\"}");
    }

    @Test
    void fromJson_namesWhatIsWrong() {
        assertThatThrownBy(() -> AuditJson.fromJson("{\"id\":\"x\",\"colour\":1}")).hasMessage("unknown audit record field 'colour'");
        assertThatThrownBy(() -> AuditJson.fromJson("{\"status\":\"meh\"}"))
                .hasMessageStartingWith("unknown status 'meh'; expected one of: ok, error, refused");
        assertThatThrownBy(() -> AuditJson.fromJson("[1]")).hasMessageContaining("expected an object");
    }

    @Test
    void formatter_printsACompactTableLine() {
        AuditRecord r = AuditRecords.full(T0);

        String line = AuditFormatter.tableLine(r);

        assertThat(line).startsWith("2026-03-01T10:00:00.123Z tool_call        ok            alice         execute_query")
                .contains(" 12ms ", "       7  none really");
        assertThat(AuditFormatter.HEADER).startsWith("TIME").endsWith("DETAIL");
        StringBuilder out = new StringBuilder();
        AuditFormatter.printAll(java.util.List.of(r), AuditFormatter.Format.parse("jsonl"), out);
        assertThat(out.toString()).isEqualTo(AuditJson.toJson(r) + "\n");
        assertThatThrownBy(() -> AuditFormatter.Format.parse("xml")).hasMessage("--format must be table or jsonl, got 'xml'");
    }

    @Test
    void ids_areTimeOrderedUuidV7_evenWithinOneMillisecond() {
        AuditIds ids = new AuditIds(new Random(1));
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next(T0); // the same millisecond every time
            assertThat(id).hasSize(36).isGreaterThan(previous);
            assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7);
            seen.add(id);
            previous = id;
        }
        assertThat(seen).hasSize(10_000);
        assertThat(ids.next(T0.minusSeconds(60))).as("a clock going backwards").isGreaterThan(previous);
    }

    @Test
    void jsonLinesSink_mirrorsRedactedRecordsAfterTheyAreStored(@org.junit.jupiter.api.io.TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        AuditRecord r = AuditRecords.full(T0).toBuilder().arguments("{\"password\":\"p\"}").build();
        try (AuditLog log = new JsonLinesSink(SqliteAuditStore.open(dir.resolve("a.db"), SyncMode.NORMAL,
                Redaction.defaults(), clock), new PrintStream(bytes, true, StandardCharsets.UTF_8), Redaction.defaults())) {
            log.append(r);

            AuditRecord printed = AuditJson.fromJson(bytes.toString(StandardCharsets.UTF_8).strip());
            assertThat(printed.arguments()).isEqualTo("{\"password\":\"[REDACTED]\"}");
            assertThat(log.get(r.id())).contains(printed);
        }
    }

    @Test
    void auditStores_opensTheConfiguredSqliteFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        AuditSettings settings = new AuditSettings(dir.resolve("x.db").toString(), null, null, SyncMode.NORMAL,
                AuditSettings.DEFAULT_RETENTION, false, 4096);

        try (AuditLog log = AuditStores.open(settings, Clock.systemUTC())) {
            assertThat(log.location()).isEqualTo(dir.resolve("x.db").toString());
            assertThat(log).isNotInstanceOf(JsonLinesSink.class);
        }
    }
}
