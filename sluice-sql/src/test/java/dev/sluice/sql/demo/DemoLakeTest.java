package dev.sluice.sql.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoLakeTest {
    private static Connection duckdb;

    @BeforeAll
    static void buildLake() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        long started = System.nanoTime();
        DemoLake.create(duckdb);
        System.out.printf("demo lake built in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void close() throws SQLException {
        duckdb.close();
    }

    @Test
    void create_fillsEveryTableWithinItsStatedRange() throws SQLException {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        ranges.put("main.slack_users", new long[] {10, 30});
        ranges.put("main.slack_messages", new long[] {300, 700});
        ranges.put("analytics.customers", new long[] {4_500, 5_500});
        ranges.put("analytics.products", new long[] {150, 250});
        ranges.put("analytics.orders", new long[] {55_000, 65_000});
        ranges.put("analytics.order_items", new long[] {130_000, 170_000});
        ranges.put("analytics.events", new long[] {190_000, 210_000});
        assertThat(ranges.keySet()).containsExactlyElementsOf(DemoLake.TABLES);
        for (var range : ranges.entrySet()) {
            System.out.printf("%-24s %,d rows%n", range.getKey(), count("SELECT count(*) FROM " + range.getKey()));
            assertThat(count("SELECT count(*) FROM " + range.getKey()))
                    .as(range.getKey())
                    .isBetween(range.getValue()[0], range.getValue()[1]);
        }
    }

    @Test
    void slackMessages_hasTheSpecColumnsInOrder() throws SQLException {
        assertThat(strings("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' "
                + "AND table_name = 'slack_messages' ORDER BY column_index"))
                .containsExactly("message_id", "message_ts", "event_type", "channel", "channel_name", "user", "text",
                        "team_id", "event_id", "event_time", "processed_date");
    }

    @Test
    void slackMessages_announceTheFirstReleaseDeadlineOnceInJapanese() throws SQLException {
        List<String> hits = strings("SELECT channel_name || ' ' || u.user_name || ' ' || text FROM slack_messages m "
                + "JOIN slack_users u ON m.\"user\" = u.user_id WHERE text LIKE '%10月20日%'");

        assertThat(hits).singleElement().asString()
                .startsWith("release aya.kobayashi ")
                .contains("最初のリリース締め切りは10月20日です");
    }

    @Test
    void slackMessages_stateTheFirstReleaseDateNowhereElse() throws SQLException {
        assertThat(count("SELECT count(*) FROM slack_messages WHERE regexp_matches(text, "
                + "'10月20|October 20|Oct\\.? 20|20 Oct|10/20|10-20|10\\.20', 'i')"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM slack_messages WHERE text LIKE '%リリース締め切り%' "
                + "OR text ILIKE '%release deadline%'"))
                .as("announcements of a release deadline: the first one and none other")
                .isEqualTo(1);
    }

    @Test
    void slackMessages_includeDistractorDatesAndBothLanguages() throws SQLException {
        assertThat(count("SELECT count(*) FROM slack_messages WHERE text LIKE '%12月15日%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM slack_messages WHERE text LIKE '%Oct 16%'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM slack_messages WHERE regexp_matches(text, '[ぁ-んァ-ン]')"))
                .isGreaterThan(60);
        assertThat(count("SELECT count(DISTINCT channel_name) FROM slack_messages")).isEqualTo(7);
        assertThat(count("SELECT count(*) FROM slack_messages WHERE event_type = 'app_mention'")).isPositive();
    }

    @Test
    void slackMessages_haveUniqueIdsAndConsistentTimes() throws SQLException {
        assertThat(count("SELECT count(DISTINCT message_id) + count(DISTINCT event_id) + count(DISTINCT message_ts) "
                + "FROM slack_messages")).isEqualTo(3 * count("SELECT count(*) FROM slack_messages"));
        assertThat(count("SELECT count(*) FROM slack_messages WHERE "
                + "make_timestamp(CAST(replace(message_ts, '.', '') AS BIGINT)) <> event_time "
                + "OR processed_date <> CAST(event_time AS DATE) + 1 "
                + "OR \"user\" NOT IN (SELECT user_id FROM slack_users) OR team_id <> 'T04KUMO9Q2'"))
                .isZero();
    }

    @Test
    void analytics_keepsReferentialIntegrity() throws SQLException {
        assertThat(count("SELECT count(*) FROM analytics.order_items i "
                + "LEFT JOIN analytics.orders o USING (order_id) WHERE o.order_id IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM analytics.order_items i "
                + "LEFT JOIN analytics.products p USING (product_id) WHERE p.product_id IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM analytics.orders o "
                + "LEFT JOIN analytics.customers c USING (customer_id) WHERE c.customer_id IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM analytics.events e WHERE "
                + "(customer_id IS NOT NULL AND customer_id NOT IN (SELECT customer_id FROM analytics.customers)) "
                + "OR (product_id IS NOT NULL AND product_id NOT IN (SELECT product_id FROM analytics.products)) "
                + "OR (order_id IS NOT NULL AND order_id NOT IN (SELECT order_id FROM analytics.orders))")).isZero();
        assertThat(count("SELECT count(*) - count(DISTINCT (order_id, line_number)) FROM analytics.order_items"))
                .isZero();
    }

    @Test
    void analytics_respectsTheTimeline() throws SQLException {
        assertThat(count("SELECT count(*) FROM analytics.orders o JOIN analytics.customers c USING (customer_id) "
                + "WHERE CAST(o.ordered_at AS DATE) < c.signup_date")).as("orders before sign-up").isZero();
        assertThat(count("SELECT count(*) FROM analytics.order_items i JOIN analytics.orders o USING (order_id) "
                + "JOIN analytics.products p USING (product_id) WHERE CAST(o.ordered_at AS DATE) < p.launched_on"))
                .as("products sold before launch").isZero();
        assertThat(strings("SELECT min(ordered_at)::DATE || ' ' || max(ordered_at)::DATE FROM analytics.orders"))
                .containsExactly("2024-01-01 2026-09-30");
        assertThat(strings("SELECT min(event_time)::DATE || ' ' || max(event_time)::DATE FROM analytics.events"))
                .containsExactly("2026-07-01 2026-09-30");
    }

    @Test
    void orders_totalEqualsTheSumOfTheirItems() throws SQLException {
        assertThat(count("SELECT count(*) FROM analytics.orders o LEFT JOIN (SELECT order_id, sum(line_total) AS s "
                + "FROM analytics.order_items GROUP BY order_id) i USING (order_id) "
                + "WHERE i.s IS NULL OR i.s <> o.total_amount")).isZero();
        assertThat(count("SELECT count(*) FROM analytics.order_items WHERE "
                + "abs(line_total - quantity * unit_price * (100 - discount_pct) / 100) > 0.0051")).isZero();
    }

    @Test
    void purchaseEvents_pointToTheirOrderAtItsTime() throws SQLException {
        assertThat(count("SELECT count(*) FROM analytics.events e JOIN analytics.orders o USING (order_id) "
                + "WHERE e.event_type = 'purchase' AND (e.event_time <> o.ordered_at OR e.customer_id <> o.customer_id)"))
                .isZero();
        assertThat(count("SELECT count(*) FROM analytics.events WHERE event_type = 'purchase'")).isGreaterThan(5_000);
        assertThat(count("SELECT count(*) FROM analytics.events WHERE customer_id IS NULL")).isGreaterThan(50_000);
    }

    @Test
    void everyTableAndColumn_hasAComment() throws SQLException {
        assertThat(strings("SELECT schema_name || '.' || table_name FROM duckdb_tables() "
                + "WHERE comment IS NULL OR length(comment) < 10")).isEmpty();
        assertThat(strings("SELECT schema_name || '.' || table_name || '.' || column_name FROM duckdb_columns() WHERE NOT internal AND "
                + "(comment IS NULL OR length(comment) < 5)")).isEmpty();
        assertThat(strings("SELECT schema_name || '.' || table_name FROM duckdb_tables() ORDER BY table_oid"))
                .containsExactlyElementsOf(DemoLake.TABLES);
    }

    @Test
    void revenueByMonthIn2025_hasTwelveGrowingSeasonalMonths() throws SQLException {
        List<BigDecimal> revenue = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("SELECT date_trunc('month', ordered_at) AS month, "
                        + "sum(total_amount) AS revenue FROM analytics.orders "
                        + "WHERE status NOT IN ('cancelled', 'returned') AND year(ordered_at) = 2025 "
                        + "GROUP BY month ORDER BY month")) {
            while (rows.next()) {
                revenue.add(rows.getBigDecimal("revenue"));
            }
        }
        assertThat(revenue).hasSize(12).allSatisfy(month -> assertThat(month).isGreaterThan(new BigDecimal("50000")));
        assertThat(revenue.get(11)).as("December beats February").isGreaterThan(revenue.get(1));
        BigDecimal q3In2026 = decimal("SELECT sum(total_amount) FROM analytics.orders "
                + "WHERE ordered_at >= '2026-07-01' AND ordered_at < '2026-10-01'");
        BigDecimal q3In2024 = decimal("SELECT sum(total_amount) FROM analytics.orders "
                + "WHERE ordered_at >= '2024-07-01' AND ordered_at < '2024-10-01'");
        assertThat(q3In2026).as("year-on-year growth").isGreaterThan(q3In2024.multiply(new BigDecimal("1.5")));
    }

    @Test
    void topTenCustomersLastQuarter_areFewAndHeavy() throws SQLException {
        List<String> top = strings("SELECT c.name, sum(o.total_amount) AS revenue "
                + "FROM analytics.orders o JOIN analytics.customers c USING (customer_id) "
                + "WHERE o.ordered_at >= '2026-07-01' AND o.ordered_at < '2026-10-01' AND o.status <> 'cancelled' "
                + "GROUP BY c.customer_id, c.name ORDER BY revenue DESC LIMIT 10");
        System.out.println("top 10 customers by revenue, 2026 Q3: " + top);
        assertThat(top).hasSize(10);
        BigDecimal topFifthShare = decimal("WITH r AS (SELECT customer_id, sum(total_amount) AS revenue, "
                + "ntile(5) OVER (ORDER BY sum(total_amount) DESC) AS fifth FROM analytics.orders GROUP BY ALL) "
                + "SELECT sum(revenue) FILTER (WHERE fifth = 1) / sum(revenue) FROM r");
        assertThat(topFifthShare).as("Pareto: the top fifth of buyers brings most revenue")
                .isBetween(new BigDecimal("0.55"), new BigDecimal("0.9"));
    }

    @Test
    void customers_skewTowardsTheUnitedStatesAndJapan() throws SQLException {
        assertThat(strings("SELECT country FROM analytics.customers GROUP BY country ORDER BY count(*) DESC LIMIT 2"))
                .containsExactly("US", "JP");
        assertThat(count("SELECT count(DISTINCT email) FROM analytics.customers"))
                .isEqualTo(count("SELECT count(*) FROM analytics.customers"));
        assertThat(strings("SELECT DISTINCT segment FROM analytics.customers ORDER BY 1"))
                .containsExactly("consumer", "enterprise", "small_business");
    }

    private static long count(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static BigDecimal decimal(String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return new BigDecimal(rows.getString(1));
        }
    }

    static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                values.add(meta.getColumnCount() == 1 ? rows.getString(1) : rows.getString(1) + "|" + rows.getString(2));
            }
        }
        return values;
    }

    private static List<String> strings(String sql) throws SQLException {
        return strings(duckdb, sql);
    }
}
