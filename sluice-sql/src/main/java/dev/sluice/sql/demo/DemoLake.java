package dev.sluice.sql.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * The demo lake of SPEC.md 2.3, built into a DuckDB connection in well under a second.
 *
 * <p>Tables: {@code main.slack_messages} and {@code main.slack_users} (a release-planning Slack
 * workspace, English and Japanese, with one announcement of the first release deadline), and in the
 * {@code analytics} schema {@code customers}, {@code products}, {@code orders}, {@code order_items}
 * and {@code events} of an online shop, 2024-01-01 to 2026-09-30. Every table and column carries a
 * comment. The data comes from a fixed seed, so every build is identical; {@link #VERSION} changes
 * whenever the data would.
 */
public final class DemoLake {
    /** Version of the demo data; bumped whenever a change to the generators changes a row. */
    public static final int VERSION = 1;
    /** Schema of the analytics tables; the Slack tables live in {@code main}. */
    public static final String ANALYTICS_SCHEMA = "analytics";
    /** Tables of the demo lake, fully qualified, in creation order. */
    public static final List<String> TABLES = List.of(
            "main.slack_users", "main.slack_messages", "analytics.customers", "analytics.products",
            "analytics.orders", "analytics.order_items", "analytics.events");

    static final long SEED = 20_261_020L;
    static final String SCHEMA_SQL = "/demo/schema.sql";
    /** A macro, invisible in table listings, whose value is the {@link #VERSION} of a built lake. */
    static final String VERSION_MACRO = "sluice_demo_lake_version";

    private DemoLake() {
    }

    /**
     * Creates the demo lake's schemas and tables in {@code duckdb} and fills them, in one
     * transaction. Fails when one of the tables already exists.
     *
     * @param duckdb an open connection to a writable DuckDB database
     */
    public static void create(Connection duckdb) throws SQLException {
        DuckDBConnection connection = duckdb.unwrap(DuckDBConnection.class);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : schemaStatements()) {
                    statement.execute(sql);
                }
            }
            List<Customer> customers = CustomerGenerator.generate(SEED + 1);
            List<Product> products = ProductCatalog.generate(SEED + 2);
            OrderGenerator.Book book = OrderGenerator.generate(SEED + 3, customers, products);
            CustomerGenerator.append(connection, customers);
            ProductCatalog.append(connection, products);
            OrderGenerator.append(connection, book);
            EventGenerator.append(connection, EventGenerator.generate(SEED + 4, customers, products, book));
            SlackGenerator.append(connection, SEED + 5);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE MACRO main." + VERSION_MACRO + "() AS " + VERSION);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Creates the demo lake unless {@code duckdb} already holds one of this {@link #VERSION}, so a
     * persisted demo file is reused across restarts.
     *
     * @return true when the lake was created, false when an existing one was kept
     * @throws SQLException when the database holds a demo lake of another version (delete the file
     *     to rebuild it) or a table with a demo lake table's name
     */
    public static boolean createIfAbsent(Connection duckdb) throws SQLException {
        Integer existing = existingVersion(duckdb);
        if (existing == null) {
            create(duckdb);
            return true;
        }
        if (existing != VERSION) {
            throw new SQLException("the database holds demo lake version " + existing + " but this Sluice builds "
                    + "version " + VERSION + "; delete the database file (or use path \":memory:\") to rebuild it");
        }
        return false;
    }

    /** The version of the demo lake in {@code duckdb}, or null when it holds none. */
    public static Integer existingVersion(Connection duckdb) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM duckdb_functions() "
                    + "WHERE schema_name = 'main' AND function_name = '" + VERSION_MACRO + "'")) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    return null;
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT main." + VERSION_MACRO + "()")) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The DDL and COMMENT statements of {@code demo/schema.sql}. */
    static List<String> schemaStatements() {
        String script;
        try (InputStream in = DemoLake.class.getResourceAsStream(SCHEMA_SQL)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SCHEMA_SQL + " in the sluice-sql jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_SQL, e);
        }
        StringBuilder uncommented = new StringBuilder(script.length());
        for (String line : script.split("\n")) {
            if (!line.startsWith("--")) {
                uncommented.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(uncommented.toString().split(";\\s*\n"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }
}
