package dev.sluice.audit;

import dev.sluice.sql.testing.PostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sluice.audit.AuditRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract against a real PostgreSQL 17, one fresh database per test. */
class PostgresAuditStoreTest extends AuditLogContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private String database;

    private static PostgresServer server() {
        return PostgresServer.start();
    }

    @Override
    protected AuditLog openFresh() {
        database = "audit_" + DATABASES.incrementAndGet();
        server().createDatabase(database);
        return reopen();
    }

    @Override
    protected AuditLog reopen() {
        return PostgresAuditStore.open(server().jdbcUrl(database), null, null, Redaction.defaults(), CLOCK);
    }

    @Override
    protected Connection connectToEmptyStore() throws java.sql.SQLException {
        database = "audit_" + DATABASES.incrementAndGet();
        server().createDatabase(database);
        return server().connect(database);
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Test
    void open_createsTheTableWithTimestamptzTimes() throws Exception {
        log.append(AuditRecords.full(T0));
        try (Connection c = server().connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select \"time\", pg_typeof(\"time\")::text from sluice_audit")) {
            rs.next();
            assertThat(rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).isEqualTo(T0);
            assertThat(rs.getString(2)).isEqualTo("timestamp with time zone");
        }
    }

    @Test
    void twoServersSharingADatabase_bothAppend() {
        try (AuditLog second = reopen()) {
            AuditRecord a = AuditRecords.full(T0);
            AuditRecord b = AuditRecords.full(T0.plusSeconds(1));
            log.append(a);
            second.append(b);

            assertThat(log.search(AuditQuery.all())).containsExactly(b, a);
        }
    }

    @Test
    void location_leavesOutTheQueryStringWithCredentials() {
        assertThat(log.location()).doesNotContain("?").doesNotContain("user=").endsWith("/" + database);
    }

    @Test
    void open_failsClearlyWhenTheServerIsUnreachable() {
        assertThatThrownBy(() -> PostgresAuditStore.open("jdbc:postgresql://127.0.0.1:1/x?password=hunter2", "u", "p",
                Redaction.defaults(), CLOCK))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("could not connect to the audit store jdbc:postgresql://127.0.0.1:1/x:")
                .hasMessageContaining("check audit.store, audit.user and audit.password")
                .hasMessageNotContaining("hunter2");
    }
}
