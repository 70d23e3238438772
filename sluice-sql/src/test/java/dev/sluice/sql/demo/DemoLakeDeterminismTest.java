package dev.sluice.sql.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLakeDeterminismTest {

    @Test
    void create_buildsIdenticalDataInTwoFreshDatabases() throws SQLException {
        Map<String, String> first;
        Map<String, String> second;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            DemoLake.create(duckdb);
            first = digests(duckdb);
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            DemoLake.create(duckdb);
            second = digests(duckdb);
        }
        assertThat(first).hasSize(DemoLake.TABLES.size() + 1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void createIfAbsent_reusesALakePersistedInAFile(@TempDir Path dir) throws SQLException {
        String url = "jdbc:duckdb:" + dir.resolve("demo.duckdb");
        try (Connection duckdb = DriverManager.getConnection(url)) {
            assertThat(DemoLake.existingVersion(duckdb)).isNull();
            assertThat(DemoLake.createIfAbsent(duckdb)).isTrue();
        }
        try (Connection duckdb = DriverManager.getConnection(url)) {
            assertThat(DemoLake.existingVersion(duckdb)).isEqualTo(DemoLake.VERSION);
            assertThat(DemoLake.createIfAbsent(duckdb)).isFalse();
            assertThat(DemoLakeTest.strings(duckdb, "SELECT count(*) FROM analytics.orders")).containsExactly("60000");
        }
    }

    @Test
    void create_failsAndLeavesNothingBehindWhenATableExists() throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            duckdb.createStatement().execute("CREATE SCHEMA analytics");
            assertThatThrownBy(() -> DemoLake.create(duckdb)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("analytics");
            assertThat(DemoLake.existingVersion(duckdb)).isNull();
            assertThat(DemoLakeTest.strings(duckdb, "SELECT count(*) FROM duckdb_tables()")).containsExactly("0");
        }
    }

    /** MD5 of an ordered text dump per table, plus one of every table and column comment. */
    private static Map<String, String> digests(Connection duckdb) throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : DemoLake.TABLES) {
            digests.put(table, DemoLakeTest.strings(duckdb, "SELECT md5(string_agg(CAST(t AS VARCHAR), chr(10) "
                    + "ORDER BY CAST(t AS VARCHAR))) || '|' || count(*) FROM " + table + " t").get(0));
        }
        digests.put("comments", DemoLakeTest.strings(duckdb, "SELECT md5(string_agg(schema_name || table_name "
                + "|| column_name || data_type || comment, chr(10) ORDER BY schema_name, table_name, column_index)) "
                + "FROM duckdb_columns()").get(0) + DemoLakeTest.strings(duckdb, "SELECT md5(string_agg(table_name "
                + "|| comment, chr(10) ORDER BY table_name)) FROM duckdb_tables()").get(0));
        return digests;
    }
}
