package dev.sluice.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.source.Capability;
import dev.sluice.sql.source.ColumnInfo;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.source.ForeignKeyInfo;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceSettings;
import dev.sluice.sql.source.TableDetail;
import dev.sluice.sql.source.TableInfo;
import dev.sluice.sql.source.TableRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceCatalogReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A clock that moves one second every time it is read. */
    static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            Instant t = now;
            now = now.plusSeconds(1);
            return t;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** Three tables; {@code orders.status} repeats three values, {@code orders.note} never repeats. */
    static final class FakeSource implements Source {
        final List<TableRef> described = new ArrayList<>();

        @Override public String name() { return "lake"; }
        @Override public String kind() { return "fake"; }
        @Override public Dialect dialect() { return Dialect.DUCKDB; }
        @Override public Set<Capability> capabilities() { return Set.of(); }
        @Override public SourceSettings settings() { return SourceSettings.defaults(); }
        @Override public String defaultSchema() { return "main"; }
        @Override public Duration ping() { return Duration.ZERO; }
        @Override public void close() { }

        @Override
        public QueryCursor execute(String sql, List<Object> parameters, Duration timeout, Cancellation cancellation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TableInfo> listTables(String schema, String pattern) {
            return List.of(info("orders", "Checkouts"), info("customers", null), info("secrets", null));
        }

        @Override
        public Optional<TableDetail> describe(TableRef table, int sampleRows) {
            described.add(table);
            List<ObjectNode> rows = new ArrayList<>();
            for (int i = 0; i < Math.min(sampleRows, 12); i++) {
                rows.add(JSON.createObjectNode().put("status", List.of("paid", "shipped", "paid", "refunded").get(i % 4))
                        .put("note", "free text " + i).put("id", i));
            }
            List<ColumnInfo> columns = List.of(new ColumnInfo("id", "INTEGER", false, "key"), new ColumnInfo("status", "VARCHAR", true, null),
                    new ColumnInfo("note", "VARCHAR", true, null));
            if (!table.name().equals("customers")) {
                return Optional.of(new TableDetail(info(table.name(), null), columns, rows));
            }
            List<ColumnInfo> withTier = new ArrayList<>(columns);
            withTier.add(new ColumnInfo("tier", "tier_t", false, null, List.of("gold", "silver", "bronze", "wood", "tin", "iron")));
            return Optional.of(new TableDetail(info(table.name(), null), withTier, rows, List.of("id"), List.of(
                    new ForeignKeyInfo(List.of("id"), new TableRef(null, "main", "orders"), List.of("id")),
                    new ForeignKeyInfo(List.of("note"), new TableRef(null, "main", "secrets"), List.of("id")))));
        }

        private static TableInfo info(String name, String comment) {
            return new TableInfo(new TableRef(null, "main", name), "BASE TABLE", 100L, comment);
        }
    }

    @Test
    void read_keepsFrequentValuesOfLowCardinalityTextColumnsOnly() {
        SchemaCatalog c = new SourceCatalogReader(Clock.systemUTC(), SourceCatalogReader.Options.DEFAULTS).read(new FakeSource());
        CatalogTable orders = c.table("main.orders").orElseThrow();
        assertThat(orders.source()).isEqualTo("lake");
        assertThat(orders.comment()).isEqualTo("Checkouts");
        assertThat(orders.rowEstimate()).isEqualTo(100L);
        assertThat(orders.columns()).extracting(CatalogColumn::name).containsExactly("id", "status", "note");
        assertThat(orders.columns().get(1).sampleValues()).containsExactly("paid", "refunded", "shipped");
        assertThat(orders.columns().get(2).sampleValues()).isEmpty();
        assertThat(orders.columns().get(0).sampleValues()).isEmpty();
        assertThat(c.complete()).isTrue();
    }

    @Test
    void read_skipsExcludedTables_andShowsNoValuesOfMaskedColumns() {
        SchemaCatalog c = new SourceCatalogReader(Clock.systemUTC(), SourceCatalogReader.Options.DEFAULTS)
                .read(new FakeSource(), t -> !t.name().equals("secrets"), (t, col) -> !Set.of("status", "tier").contains(col));
        assertThat(c.tables()).extracting(CatalogTable::name).containsExactly("orders", "customers");
        assertThat(c.tables()).allMatch(t -> t.columns().stream().allMatch(col -> col.sampleValues().isEmpty()));
    }

    @Test
    void read_keepsKeysAndTheValuesATypeDeclares_butNoKeyToAnExcludedTable() {
        SchemaCatalog c = new SourceCatalogReader(Clock.systemUTC(), SourceCatalogReader.Options.DEFAULTS)
                .read(new FakeSource(), t -> !t.name().equals("secrets"), (t, col) -> true);
        CatalogTable customers = c.table("main.customers").orElseThrow();
        assertThat(customers.columns()).extracting(CatalogColumn::primaryKey).containsExactly(true, false, false, false);
        assertThat(customers.columns().get(3).sampleValues()).as("declared order, not sample frequency, at most maxValues")
                .containsExactly("gold", "silver", "bronze", "wood", "tin");
        assertThat(customers.foreignKeys()).containsExactly(new ForeignKey(List.of("id"), "main.orders", List.of("id")));
        assertThat(c.table("main.orders").orElseThrow().columns()).noneMatch(CatalogColumn::primaryKey);
    }

    @Test
    void read_stopsDescribingWhenTheBudgetIsSpent_butKeepsEveryTableName() {
        FakeSource source = new FakeSource();
        SourceCatalogReader reader = new SourceCatalogReader(new TickingClock(),
                new SourceCatalogReader.Options(Duration.ofMillis(1_500), 5, 8, 5));
        SchemaCatalog c = reader.read(source);
        assertThat(c.complete()).isFalse();
        assertThat(c.tables()).extracting(CatalogTable::name).containsExactly("orders", "customers", "secrets");
        assertThat(source.described).hasSize(1);
        assertThat(c.table("main.customers").orElseThrow().columns()).isEmpty();
        assertThat(c.takenAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void options_rejectNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SourceCatalogReader.Options(Duration.ZERO, 5, 8, 5))
                .hasMessage("budget must be positive, got PT0S");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SourceCatalogReader.Options(Duration.ofSeconds(1), -1, 8, 5))
                .hasMessage("sampleRows must be between 0 and 1000, got -1");
    }
}
