package dev.sluice.sql.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sql.source.Capability;
import dev.sluice.sql.source.ColumnInfo;
import dev.sluice.sql.source.ForeignKeyInfo;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceContractTest;
import dev.sluice.sql.source.SourceSettings;
import dev.sluice.sql.source.TableDetail;
import dev.sluice.sql.source.TableRef;
import dev.sluice.sql.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against a real PostgreSQL server started by the test. */
class PostgresSourceContractTest extends SourceContractTest {
    private static PostgresServer server;
    private static Source source;

    @BeforeAll
    static void open() throws Exception {
        server = PostgresServer.start();
        server.createDatabase("contract");
        try (Connection c = server.connect("contract"); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA contract");
            s.execute("CREATE TABLE contract.items (id INTEGER PRIMARY KEY, name TEXT, price DECIMAL(10,2), created TIMESTAMP, note TEXT)");
            s.execute("INSERT INTO contract.items VALUES (1, 'apple', 1.10, '2026-10-20 09:30:00', NULL), "
                    + "(2, 'banana', 0.25, '2026-10-21 10:00:00', 'ripe'), (3, 'りんご', 2.00, '2026-10-22 11:00:00', NULL)");
            s.execute("COMMENT ON TABLE contract.items IS 'Items for the contract test'");
            s.execute("COMMENT ON COLUMN contract.items.price IS 'Price in EUR'");
            s.execute("CREATE TYPE contract.state AS ENUM ('open', 'paid', 'void')");
            s.execute("CREATE TABLE contract.lines (item_id INTEGER REFERENCES contract.items (id), line_no INTEGER, "
                    + "state contract.state, PRIMARY KEY (item_id, line_no))");
            s.execute("ANALYZE contract.items");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        source = PostgresSource.open("pg", new PostgresConfig(server.jdbcUrl("contract"), server.superuser(), null, "contract", 4),
                SourceSettings.defaults());
    }

    @AfterAll
    static void close() {
        source.close();
    }

    @Override
    protected Source source() {
        return source;
    }

    @Override
    protected Set<Capability> expectedCapabilities() {
        return EnumSet.of(Capability.SCHEMAS, Capability.EXPLAIN, Capability.CANCEL, Capability.READ_ONLY_SESSION,
                Capability.ROW_ESTIMATES, Capability.COMMENTS, Capability.KEYS);
    }

    @Override
    protected String longRunningQuery() {
        return "SELECT pg_sleep(600)";
    }

    /** Cancelled and timed-out queries must be gone from pg_stat_activity, not left running. */
    @Override
    protected void assertNothingRunning() {
        long deadline = System.currentTimeMillis() + 5000;
        long running = -1;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = server.connect("contract"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(600)%' AND state = 'active'")) {
                rs.next();
                running = rs.getLong(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (running == 0) {
                break;
            }
        }
        assertThat(running).isZero();
    }

    @Test
    void describe_readsCompositeAndForeignKeys_andEnumLabels() {
        TableDetail lines = source.describe(TableRef.parse("contract.lines"), 0).orElseThrow();
        assertThat(lines.primaryKey()).containsExactly("item_id", "line_no");
        assertThat(lines.foreignKeys()).containsExactly(
                new ForeignKeyInfo(List.of("item_id"), new TableRef(null, "contract", "items"), List.of("id")));
        ColumnInfo state = lines.columns().get(2);
        assertThat(state.type()).isEqualTo("state");
        assertThat(state.values()).containsExactly("open", "paid", "void");
        assertThat(lines.columns().get(0).values()).isEmpty();
    }

    /** pgjdbc reports timestamptz and timetz as TIMESTAMP and TIME; reading them as local values used to fail. */
    @Test
    void execute_readsZonedTimestampsAndTimes_inBothRowPaths() throws Exception {
        String sql = "SELECT TIMESTAMPTZ '2026-10-20 09:30:00+09' AS tstz, TIMETZ '09:30:00+09' AS ttz, "
                + "CAST(NULL AS TIMESTAMPTZ) AS no_tstz, TIMESTAMP '2026-10-20 09:30:00' AS ts";
        JsonNode[] row = rows(sql, List.of()).get(0);
        assertThat(row[0].asText()).isEqualTo("2026-10-20T00:30:00Z");
        assertThat(row[1].asText()).isEqualTo("09:30+09:00");
        assertThat(row[2].isNull()).isTrue();
        assertThat(row[3].asText()).isEqualTo("2026-10-20T09:30:00");
        assertThat(storedRows(sql, true)).isEqualTo(storedRows(sql, false)).contains("2026-10-20T00:30:00Z", "09:30+09:00");
    }
}
