package dev.sluice.sql.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.server.Cancellation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every source kind must do. A kind's test subclasses this, opens a source holding
 * {@code contract.items} (see {@link #FIXTURE_ROWS}) and says which capabilities it declares.
 */
public abstract class SourceContractTest {
    /**
     * id INTEGER (the primary key, where the source declares {@link Capability#KEYS}), name TEXT,
     * price DECIMAL(10,2), created TIMESTAMP, note TEXT NULL; comments on the table and on price.
     */
    protected static final int FIXTURE_ROWS = 3;

    protected abstract Source source();

    protected abstract Set<Capability> expectedCapabilities();

    /** A statement that runs for minutes unless cancelled. */
    protected abstract String longRunningQuery();

    /** A write the engine itself must refuse in a query session. */
    protected String write() {
        return "INSERT INTO contract.items (id, name) VALUES (99, 'x')";
    }

    @Test
    void declaresItsCapabilities() {
        assertThat(source().capabilities()).isEqualTo(expectedCapabilities());
    }

    @Test
    void ping_answers() {
        assertThat(source().ping()).isPositive();
    }

    @Test
    void listTables_findsTheFixtureWithItsComment_andFilters() {
        Optional<TableInfo> items = source().listTables("contract", null).stream()
                .filter(t -> t.ref().name().equals("items")).findFirst();
        assertThat(items).isPresent();
        assertThat(items.get().comment()).isEqualTo("Items for the contract test");
        assertThat(items.get().type()).isEqualTo("table");
        assertThat(source().listTables(null, "ite")).extracting(t -> t.ref().name()).contains("items");
        assertThat(source().listTables(null, "no_such_table_anywhere")).isEmpty();
        assertThat(source().listTables("no_such_schema", null)).isEmpty();
    }

    @Test
    void describe_showsColumnsCommentsAndSamples() {
        TableDetail detail = source().describe(TableRef.parse("contract.items"), 2).orElseThrow();
        assertThat(detail.columns()).extracting(ColumnInfo::name).containsExactly("id", "name", "price", "created", "note");
        ColumnInfo price = detail.columns().get(2);
        assertThat(price.comment()).isEqualTo("Price in EUR");
        assertThat(price.type().toLowerCase()).containsPattern("(decimal|numeric)\\(10,\\s?2\\)");
        assertThat(detail.columns().get(4).nullable()).isTrue();
        assertThat(detail.sampleRows()).hasSize(2);
        assertThat(source().describe(TableRef.parse("contract.nothing"), 2)).isEmpty();
    }

    @Test
    void describe_reportsKeys_onlyWhenItDeclaresThem() {
        TableDetail detail = source().describe(TableRef.parse("contract.items"), 0).orElseThrow();
        if (source().capabilities().contains(Capability.KEYS)) {
            assertThat(detail.primaryKey()).containsExactly("id");
        } else {
            assertThat(detail.primaryKey()).isEmpty();
        }
        assertThat(detail.foreignKeys()).isEmpty();
    }

    @Test
    void execute_returnsTypedValues() {
        List<JsonNode[]> rows = rows("SELECT id, name, price, created, note FROM contract.items ORDER BY id", List.of());
        assertThat(rows).hasSize(FIXTURE_ROWS);
        JsonNode[] first = rows.get(0);
        assertThat(first[0].isIntegralNumber()).isTrue();
        assertThat(first[0].asInt()).isEqualTo(1);
        assertThat(first[1].asText()).isEqualTo("apple");
        assertThat(first[2].isBigDecimal()).isTrue();
        assertThat(first[2].decimalValue()).isEqualByComparingTo("1.10");
        assertThat(first[3].asText()).isEqualTo("2026-10-20T09:30:00");
        assertThat(first[4].isNull()).isTrue();
        assertThat(rows.get(2)[1].asText()).isEqualTo("りんご");
    }

    @Test
    void execute_bindsParameters() {
        assertThat(rows("SELECT name FROM contract.items WHERE id = ?", List.of(2))).extracting(r -> r[0].asText()).containsExactly("banana");
    }

    @Test
    void execute_theEngineItselfRefusesWrites() {
        assertThatThrownBy(() -> rows(write(), List.of())).isInstanceOf(SourceException.class)
                .hasMessageContaining("read");
        assertThat(rows("SELECT count(*) FROM contract.items", List.of()).get(0)[0].asInt()).isEqualTo(FIXTURE_ROWS);
    }

    @Test
    void execute_timeout_cancelsInTheEngine() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            try (QueryCursor c = source().execute(longRunningQuery(), List.of(), Duration.ofMillis(700), new Cancellation())) {
                while (c.next() != null) {
                    // drain
                }
            }
        }).isInstanceOf(SourceException.class).hasMessageContaining("exceeded the timeout of 700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertNothingRunning();
    }

    @Test
    void execute_requestCancellation_stopsTheQuery() throws Exception {
        Cancellation cancellation = new Cancellation();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            cancellation.cancel("test");
        });
        assertThatThrownBy(() -> {
            try (QueryCursor c = source().execute(longRunningQuery(), List.of(), Duration.ofMinutes(5), cancellation)) {
                while (c.next() != null) {
                    // drain
                }
            }
        }).isInstanceOf(SourceException.class).hasMessageContaining("cancelled");
        assertNothingRunning();
    }

    @Test
    void typedRows_storeAndPageAsTheSameJsonAsJsonRows() throws Exception {
        String sql = "SELECT id, name, price, created, note, CAST(id AS BIGINT) AS big, CAST(id AS SMALLINT) AS small, "
                + "CAST(id AS DOUBLE PRECISION) / 4 AS dbl, CAST(created AS DATE) AS day, id > 1 AS flag, "
                + "CAST(NULL AS BIGINT) AS no_big, CAST(NULL AS INTEGER) AS no_int, CAST(NULL AS TIMESTAMP) AS no_ts "
                + "FROM contract.items ORDER BY id";
        String typed = storedRows(sql, true);
        assertThat(typed).isEqualTo(storedRows(sql, false)).contains("\"", "null");
    }

    /**
     * The rows of {@code sql} as a result store keeps them, in JSON: written value by value through
     * the typed row sink, or row by row from {@link QueryCursor#next()}.
     */
    protected String storedRows(String sql, boolean typed) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sluice-contract");
        try (dev.sluice.sql.result.ResultStore store = new dev.sluice.sql.result.ResultStore(
                new dev.sluice.sql.result.ResultStoreConfig(dir.resolve("results"), 1L << 20, 1L << 20, 1L << 30,
                        Duration.ofMinutes(1), 10), java.time.Clock.systemUTC());
             QueryCursor c = source().execute(sql, List.of(), Duration.ofSeconds(30), new Cancellation())) {
            dev.sluice.sql.result.ResultWriter writer = store.begin("contract", "me", c.columns());
            if (typed) {
                while (c.next(writer.rowSink())) {
                    assertThat(writer.endRow()).isTrue();
                }
            } else {
                JsonNode[] row;
                while ((row = c.next()) != null) {
                    assertThat(writer.append(row)).isTrue();
                }
            }
            return dev.sluice.mcp.Json.MAPPER.writeValueAsString(writer.finish(100).rows());
        } finally {
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    /** Kinds that can look into the engine check that a cancelled query is really gone. */
    protected void assertNothingRunning() {
    }

    protected List<JsonNode[]> rows(String sql, List<Object> parameters) {
        List<JsonNode[]> rows = new ArrayList<>();
        try (QueryCursor c = source().execute(sql, parameters, Duration.ofSeconds(30), new Cancellation())) {
            JsonNode[] row;
            while ((row = c.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
