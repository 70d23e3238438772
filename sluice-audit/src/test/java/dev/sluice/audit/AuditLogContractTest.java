package dev.sluice.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.sluice.audit.AuditRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link AuditLog} store does; each store's test opens its own. */
abstract class AuditLogContractTest {
    protected static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC);
    protected AuditLog log;

    /** A fresh, empty store. */
    protected abstract AuditLog openFresh();

    /** The same store as the last {@link #openFresh()}, opened again. */
    protected abstract AuditLog reopen();

    /**
     * Closes {@link #log} and connects to a new, empty location of this store kind that
     * {@link #reopen()} then opens.
     */
    protected abstract java.sql.Connection connectToEmptyStore() throws java.sql.SQLException;

    protected abstract Dialect dialect();

    @BeforeEach
    void open() {
        log = openFresh();
    }

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }

    @Test
    void append_thenGet_roundTripsEveryField() {
        AuditRecord record = AuditRecords.full(T0);

        log.append(record);

        assertThat(log.get(record.id())).contains(record);
        assertThat(log.get("no-such-id")).isEmpty();
    }

    @Test
    void append_roundTripsARecordWithOnlyRequiredFields() {
        AuditRecord record = AuditRecord.builder("id-1", T0, AuditKind.REFUSED_REQUEST)
                .status(AuditStatus.UNAUTHENTICATED).build();

        log.append(record);

        assertThat(log.get("id-1")).contains(record);
    }

    @Test
    void storeAtSchemaVersion1_migratesInPlace_keepingItsRecords() throws Exception {
        log.close();
        log = null;
        AuditRecord old = AuditRecords.full(T0).toBuilder().clarification(null).build();
        try (java.sql.Connection c = connectToEmptyStore(); java.sql.Statement s = c.createStatement()) {
            // the schema exactly as version 1 created it, before the clarification column
            s.execute("create table sluice_audit_schema (version integer primary key, applied_at text not null, description text not null)");
            s.execute("insert into sluice_audit_schema values (1, '2026-01-01T00:00:00Z', 'sluice_audit table with indexes on time, principal and tool')");
            String columns = "\"id\" text primary key, \"time\" " + dialect().sqlType(AuditField.Type.TIME) + " not null, \"kind\" text not null, "
                    + "principal text, auth_method text, client_name text, client_version text, protocol_version text, session_id text, "
                    + "request_id text, remote_address text, tool text, arguments text, question text, generated_sql text, final_sql text, "
                    + "source text, guard_decision text not null, guard_rule text, status text not null, http_status integer, error text, "
                    + "row_count " + dialect().sqlType(AuditField.Type.BIGINT) + ", result_hash text, elapsed_ms "
                    + dialect().sqlType(AuditField.Type.BIGINT) + ", query_execution_id text, llm_provider text, llm_model text, "
                    + "llm_input_tokens " + dialect().sqlType(AuditField.Type.BIGINT) + ", llm_output_tokens "
                    + dialect().sqlType(AuditField.Type.BIGINT) + ", summary text";
            s.execute("create table sluice_audit (" + columns + ")");
            s.execute("create index sluice_audit_time on sluice_audit (\"time\")");
            try (java.sql.PreparedStatement ps = c.prepareStatement("insert into sluice_audit (id, \"time\", kind, principal, tool, question, "
                    + "guard_decision, status, llm_input_tokens) values (?, ?, 'tool_call', 'alice', 'execute_query', 'how many orders?', 'none', 'ok', 1200)")) {
                ps.setString(1, old.id());
                dialect().setTime(ps, 2, T0);
                ps.executeUpdate();
            }
        }

        log = reopen();

        AuditRecord kept = log.get(old.id()).orElseThrow();
        assertThat(kept.question()).isEqualTo("how many orders?");
        assertThat(kept.llmInputTokens()).isEqualTo(1200L);
        assertThat(kept.clarification()).isNull();
        AuditRecord clarified = AuditRecords.full(T0.plusSeconds(1));
        log.append(clarified);
        assertThat(log.get(clarified.id())).contains(clarified);
        assertThat(log.search(AuditQuery.all())).hasSize(2);
        assertThat(log.search(AuditQuery.all().withText("orders shipped"))).containsExactly(clarified);
        log.close();
        log = reopen(); // already at the current version: nothing to do
        assertThat(log.search(AuditQuery.all())).hasSize(2);
    }

    @Test
    void append_isVisibleAfterReopening() {
        AuditRecord record = AuditRecords.full(T0);
        log.append(record);
        log.close();

        log = reopen();

        assertThat(log.get(record.id())).contains(record);
    }

    @Test
    void append_redactsSecretsInArgumentsAndBoundsText() {
        AuditRecord record = AuditRecords.minimal(T0, "bob", "http_call", AuditStatus.OK).toBuilder()
                .arguments("{\"url\":\"https://x\",\"headers\":{\"Authorization\":\"Bearer abc\",\"api_key\":\"k1\"}}")
                .summary("x".repeat(200_000))
                .build();

        log.append(record);

        AuditRecord stored = log.get(record.id()).orElseThrow();
        assertThat(stored.arguments()).isEqualTo(
                "{\"url\":\"https://x\",\"headers\":{\"Authorization\":\"[REDACTED]\",\"api_key\":\"[REDACTED]\"}}");
        assertThat(stored.summary()).endsWith("…[truncated, 200000 bytes]").hasSizeLessThanOrEqualTo(Redaction.DEFAULT_MAX_BYTES);
    }

    @Test
    void search_filtersByEachCriterion() {
        AuditRecord a = AuditRecords.full(T0);
        AuditRecord b = AuditRecords.minimal(T0.plusSeconds(10), "bob", "list_tables", AuditStatus.ERROR).toBuilder()
                .source("warehouse").error("Permission DENIED for table salaries").build();
        AuditRecord c = AuditRecord.builder("refused-1", T0.plusSeconds(20), AuditKind.REFUSED_REQUEST)
                .status(AuditStatus.RATE_LIMITED).principal("bob").build();
        for (AuditRecord r : List.of(a, b, c)) {
            log.append(r);
        }
        AuditQuery all = AuditQuery.all();

        assertThat(log.search(all)).containsExactly(c, b, a);
        assertThat(log.search(all.withPrincipal("bob"))).containsExactly(c, b);
        assertThat(log.search(all.withTool("execute_query"))).containsExactly(a);
        assertThat(log.search(all.withStatus(AuditStatus.ERROR))).containsExactly(b);
        assertThat(log.search(all.withSource("warehouse"))).containsExactly(b);
        assertThat(log.search(all.withKind(AuditKind.REFUSED_REQUEST))).containsExactly(c);
        assertThat(log.search(all.withFrom(T0.plusSeconds(10)))).containsExactly(c, b);
        assertThat(log.search(all.withTo(T0.plusSeconds(10)))).containsExactly(a);
        assertThat(log.search(all.withFrom(T0.plusSeconds(5)).withTo(T0.plusSeconds(15)))).containsExactly(b);
        assertThat(log.search(all.withText("permission denied"))).containsExactly(b);
        assertThat(log.search(all.withText("GROUP BY 1 LIMIT"))).containsExactly(a);
        assertThat(log.search(all.withText("100%_!"))).isEmpty();
        assertThat(log.search(all.withPrincipal("bob").withStatus(AuditStatus.OK))).isEmpty();
        assertThat(log.search(all.withLimit(2))).containsExactly(c, b);
    }

    @Test
    void tail_returnsTheNewestRecordsOldestFirst() {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AuditRecord r = AuditRecords.minimal(T0.plusSeconds(i), "p", "t", AuditStatus.OK);
            records.add(r);
            log.append(r);
        }

        assertThat(log.tail(3)).containsExactlyElementsOf(records.subList(2, 5));
        assertThat(log.tail(100)).containsExactlyElementsOf(records);
    }

    @Test
    void export_writesJsonLinesThatParseBack() {
        AuditRecord a = AuditRecords.full(T0);
        AuditRecord b = AuditRecords.minimal(T0.plusSeconds(1), "bob", "x", AuditStatus.TIMEOUT);
        log.append(a);
        log.append(b);
        StringWriter out = new StringWriter();

        long n = log.export(AuditQuery.all().unlimited(), out);

        assertThat(n).isEqualTo(2);
        List<AuditRecord> parsed = out.toString().lines().map(AuditJson::fromJson).toList();
        assertThat(parsed).containsExactly(b, a);
        assertThat(out.toString()).endsWith("\n");
    }

    @Test
    void purge_deletesRecordsOlderThanTheCutoffOnly() {
        AuditRecord old = AuditRecords.minimal(T0.minus(Duration.ofDays(100)), "p", "t", AuditStatus.OK);
        AuditRecord edge = AuditRecords.minimal(T0.minus(Duration.ofDays(90)), "p", "t", AuditStatus.OK);
        AuditRecord recent = AuditRecords.minimal(T0, "p", "t", AuditStatus.OK);
        for (AuditRecord r : List.of(old, edge, recent)) {
            log.append(r);
        }

        long purged = log.purge(T0.minus(Duration.ofDays(90)));

        assertThat(purged).isEqualTo(1);
        assertThat(log.search(AuditQuery.all())).containsExactly(recent, edge);
    }

    @Test
    void retention_purgesWhatIsOlderThanTheRetentionPeriod() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        AuditRecord old = AuditRecords.minimal(T0.minus(Duration.ofDays(91)), "p", "t", AuditStatus.OK);
        AuditRecord recent = AuditRecords.minimal(T0.minus(Duration.ofDays(89)), "p", "t", AuditStatus.OK);
        log.append(old);
        log.append(recent);

        assertThat(new Retention(log, Duration.ZERO, clock).runOnce()).isZero();
        assertThat(new Retention(log, Duration.ofDays(90), clock).runOnce()).isEqualTo(1);
        assertThat(log.search(AuditQuery.all())).containsExactly(recent);
    }

    @Test
    void concurrentAppends_areAllStored_andShareTransactions() throws Exception {
        int threads = 16;
        int perThread = 150;
        Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        AuditRecord r = AuditRecords.minimal(T0.plusMillis(i), "user-" + thread, "t", AuditStatus.OK);
                        log.append(r);
                        ids.add(r.id());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }

        Set<String> stored = new HashSet<>();
        for (AuditRecord r : log.search(AuditQuery.all().unlimited())) {
            stored.add(r.id());
        }
        assertThat(stored).hasSize(threads * perThread).isEqualTo(ids);
        AuditStats stats = log.stats();
        assertThat(stats.records()).isEqualTo(threads * perThread);
        assertThat(stats.transactions()).as("group commit: fewer transactions than records")
                .isLessThan(stats.records());
        assertThat(stats.largestBatch()).isGreaterThan(1);
        assertThat(stats.failedTransactions()).isZero();
        assertThat(stats.lastCommit()).isEqualTo(CLOCK.instant());
    }

    @Test
    void append_afterClose_failsClearly() {
        log.close();

        assertThatThrownBy(() -> log.append(AuditRecords.full(T0)))
                .isInstanceOf(AuditException.class).hasMessageContaining("is closed");
        log = null;
    }
}
