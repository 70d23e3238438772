package dev.sluice.sql.duckdb;

import dev.sluice.sql.source.Capability;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceContractTest;
import dev.sluice.sql.source.SourceSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbSourceContractTest extends SourceContractTest {
    @TempDir
    static Path dir;
    private static Source source;

    @BeforeAll
    static void open() throws Exception {
        Path file = dir.resolve("fixture.duckdb"); // not contract.duckdb: the catalog would clash with the schema
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            // one statement object per command: DuckDB's JDBC driver does not reuse them after an INSERT
            for (String sql : List.of("CREATE SCHEMA contract",
                    "CREATE TABLE contract.items (id INTEGER, name VARCHAR, price DECIMAL(10,2), created TIMESTAMP, note VARCHAR)",
                    "INSERT INTO contract.items VALUES (1, 'apple', 1.10, TIMESTAMP '2026-10-20 09:30:00', NULL), "
                            + "(2, 'banana', 0.25, TIMESTAMP '2026-10-21 10:00:00', 'ripe'), (3, 'りんご', 2.00, TIMESTAMP '2026-10-22 11:00:00', NULL)",
                    "COMMENT ON TABLE contract.items IS 'Items for the contract test'",
                    "COMMENT ON COLUMN contract.items.price IS 'Price in EUR'")) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
        }
        source = DuckDbSource.open("contract", new DuckDbConfig(file.toString(), Map.of(), List.of(), dir), SourceSettings.defaults());
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
                Capability.ROW_ESTIMATES, Capability.COMMENTS);
    }

    @Override
    protected String longRunningQuery() {
        return "SELECT count(*) FROM range(1000000000000) a";
    }

    @Test
    void externalAccessAndSettings_areLockedEvenWithoutTheGuard() {
        assertThatThrownBy(() -> rows("SELECT * FROM read_csv('/etc/passwd')", List.of())).hasMessageContaining("disabled");
        assertThatThrownBy(() -> rows("SET enable_external_access = true", List.of())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void demoLake_opensWithSlackMessagesAndAnalytics() {
        try (Source demo = DuckDbSource.open("demo", new DuckDbConfig("demo", Map.of(), List.of(), dir), SourceSettings.defaults())) {
            assertThat(demo.listTables(null, null)).extracting(t -> t.ref().display())
                    .contains("main.slack_messages", "analytics.customers", "analytics.orders", "analytics.order_items",
                            "analytics.products", "analytics.events");
            List<com.fasterxml.jackson.databind.JsonNode[]> hits = new java.util.ArrayList<>();
            try (var c = demo.execute("SELECT text FROM slack_messages WHERE text LIKE '%10月20日%'", List.of(),
                    java.time.Duration.ofSeconds(10), new dev.sluice.mcp.server.Cancellation())) {
                com.fasterxml.jackson.databind.JsonNode[] row;
                while ((row = c.next()) != null) {
                    hits.add(row);
                }
            }
            assertThat(hits).hasSize(1);
        }
    }
}
