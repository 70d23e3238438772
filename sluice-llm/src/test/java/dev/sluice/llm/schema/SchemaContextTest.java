package dev.sluice.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaContextTest {
    private final List<CatalogTable> lake = TestCatalogs.lake().tables();

    @Test
    void render_writesQualifiedDdlWithTypesKeysCommentsAndSampleValues() {
        CatalogTable orders = TestCatalogs.lake().table("lake.shop.orders").orElseThrow();
        assertThat(SchemaContext.render(List.of(orders), 10_000)).isEqualTo("""
                -- One row per checkout (~90,000 rows)
                CREATE TABLE lake.shop.orders (
                  order_id INTEGER PRIMARY KEY,
                  customer_id INTEGER REFERENCES lake.shop.customers(customer_id),
                  ordered_at TIMESTAMP,
                  status VARCHAR -- e.g. 'paid', 'shipped', 'refunded'
                );
                """);
    }

    @Test
    void render_quotesNamesAnEngineWouldFold() {
        CatalogTable t = new CatalogTable("s", null, "Sales", "Player Attributes", null, null,
                List.of(CatalogColumn.of("teamId", "INTEGER"), new CatalogColumn("note", "VARCHAR", "it's\nfree", List.of("a'b"), false)),
                List.of());
        assertThat(SchemaContext.render(List.of(t), 1_000)).isEqualTo("""
                CREATE TABLE "Sales"."Player Attributes" (
                  "teamId" INTEGER,
                  note VARCHAR -- it's free; e.g. 'a''b'
                );
                """);
    }

    @Test
    void render_neverExceedsTheBudget_andDegradesDetailBeforeDroppingTables() {
        String full = SchemaContext.render(lake, 100_000);
        for (int budget = 0; budget <= full.length() + 10; budget += 7) {
            assertThat(SchemaContext.render(lake, budget).length()).as("budget %d", budget).isLessThanOrEqualTo(budget);
        }
        String tight = SchemaContext.render(lake, 1_500);
        assertThat(tight).startsWith("-- People who bought something");
        assertThat(tight).contains("-- not shown for space: ");
        assertThat(SchemaContext.render(lake, 0)).isEmpty();
    }

    @Test
    void render_fallsBackToAOneLineColumnList() {
        CatalogTable customers = lake.get(0);
        String names = SchemaContext.table(customers, SchemaContext.Detail.NAMES);
        assertThat(names).isEqualTo("-- lake.shop.customers(customer_id INTEGER, full_name VARCHAR, email VARCHAR, country VARCHAR)\n");
        assertThat(SchemaContext.render(List.of(customers), names.length())).isEqualTo(names);
    }

    @Test
    void render_isDeterministic() {
        assertThat(SchemaContext.render(lake, 3_000)).isEqualTo(SchemaContext.render(TestCatalogs.lake().tables(), 3_000));
    }

    @Test
    void render_rejectsANegativeBudget() {
        assertThatThrownBy(() -> SchemaContext.render(lake, -1)).hasMessage("maxChars must be at least 0, got -1");
    }
}
