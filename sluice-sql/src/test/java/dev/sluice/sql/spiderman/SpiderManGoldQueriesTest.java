package dev.sluice.sql.spiderman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.util.TablesNamesFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Loads all SpiderMan databases into DuckDB and PostgreSQL and runs the 1,034 translated test gold
 * queries on both. Needs {@code -Pdatasets -Dsluice.datasets=/path/to/datasets}.
 */
@Tag("dataset")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpiderManGoldQueriesTest {
    private SpiderManDataset dataset;
    private Connection duck;
    private final Map<String, Long> rowsByTable = new HashMap<>(); // "schema.table" -> rows
    private final Map<String, Map<String, SqlType.Kind>> columnKinds = new HashMap<>(); // by database

    @BeforeAll
    void loadDuckDb() throws SQLException {
        Path root = Path.of(System.getProperty("sluice.datasets", "../shared/datasets")).resolve("spiderman");
        assertThat(Files.isDirectory(root)).as("SpiderMan dataset at %s (set -Dsluice.datasets)", root).isTrue();
        dataset = new SpiderManDataset(root);
        duck = DriverManager.getConnection("jdbc:duckdb:");
        long start = System.nanoTime();
        List<SpiderManLoader.LoadReport> reports = loadAll(duck, Dialect.DUCKDB);
        for (var report : reports) {
            columnKinds.put(report.database(), report.columnKinds());
            for (var t : report.tables()) {
                rowsByTable.put(report.schema() + "." + t.table(), t.rows());
            }
        }
        summary("DuckDB", reports, start);
    }

    @AfterAll
    void close() throws SQLException {
        if (duck != null) {
            duck.close();
        }
    }

    @Test
    void everyTestGoldQuery_runsOnDuckDb() throws SQLException {
        List<SpiderManQuestion> questions = dataset.testQuestions();
        assertThat(questions).hasSize(1034);
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (SpiderManQuestion q : questions) {
            try {
                use(duck, Dialect.DUCKDB, q.database());
                ResultRows.run(duck, MySqlQueryTranslator.translate(q.sql(), Dialect.DUCKDB, columnKinds.get(q.database())));
            } catch (SQLException | RuntimeException e) {
                failures.add(q.database() + ": " + q.sql() + "\n    -> " + e.getMessage());
            }
        }
        System.out.printf("DuckDB: ran %d gold queries in %d ms, %d failed%n", questions.size(),
                (System.nanoTime() - start) / 1_000_000, failures.size());
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    @Test
    void everyTestGoldQuery_returnsTheSameRowsOnDuckDbAndPostgres() throws SQLException {
        PostgresServer server = PostgresServer.start();
        server.createDatabase("spiderman");
        List<SpiderManQuestion> questions = dataset.testQuestions();
        try (Connection pg = server.connect("spiderman")) {
            long start = System.nanoTime();
            summary("PostgreSQL", loadAll(pg, Dialect.POSTGRES), start);
            start = System.nanoTime();
            int equal = 0;
            int skipped = 0;
            Map<String, Integer> explained = new LinkedHashMap<>();
            List<String> failures = new ArrayList<>();
            for (SpiderManQuestion q : questions) {
                String schema = q.database().toLowerCase(Locale.ROOT);
                String duckSql = MySqlQueryTranslator.translate(q.sql(), Dialect.DUCKDB, columnKinds.get(q.database()));
                String pgSql = MySqlQueryTranslator.translate(q.sql(), Dialect.POSTGRES, columnKinds.get(q.database()));
                List<List<Object>> d;
                List<List<Object>> p;
                try {
                    use(duck, Dialect.DUCKDB, q.database());
                    d = ResultRows.run(duck, duckSql);
                } catch (SQLException e) {
                    failures.add(q.database() + ": DuckDB failed: " + duckSql + "\n    -> " + e.getMessage());
                    continue;
                }
                try {
                    use(pg, Dialect.POSTGRES, q.database());
                    p = ResultRows.run(pg, pgSql);
                } catch (SQLException e) {
                    failures.add(q.database() + ": PostgreSQL failed: " + pgSql + "\n    -> " + e.getMessage());
                    continue;
                }
                if (!allTablesHaveData(schema, duckSql)) {
                    skipped++;
                    continue;
                }
                boolean ordered = hasTopLevelOrderBy(duckSql);
                if (ordered ? ResultRows.sameInOrder(d, p) : ResultRows.sameMultiset(d, p)) {
                    equal++;
                    continue;
                }
                String reason = ordered ? KnownDifferences.explain(duck, pg, duckSql, pgSql) : null;
                if (reason == null) {
                    reason = KnownDifferences.explainListed(duck, pg, q.sql());
                }
                if (reason != null) {
                    explained.merge(reason, 1, Integer::sum);
                } else {
                    failures.add(q.database() + ": " + q.sql() + "\n    duckdb: " + duckSql + "\n    postgres: " + pgSql
                            + "\n    duckdb rows: " + abbreviate(d) + "\n    postgres rows: " + abbreviate(p));
                }
            }
            System.out.printf("Compared %d gold queries in %d ms: %d equal, %d skipped (a table without data), "
                    + "%d explained differences %s, %d unexplained%n", questions.size(),
                    (System.nanoTime() - start) / 1_000_000, equal, skipped,
                    explained.values().stream().mapToInt(Integer::intValue).sum(), explained, failures.size());
            assertThat(failures).as(String.join("\n", failures)).isEmpty();
        }
    }

    private List<SpiderManLoader.LoadReport> loadAll(Connection connection, Dialect dialect) throws SQLException {
        SpiderManLoader loader = new SpiderManLoader(dataset);
        List<SpiderManLoader.LoadReport> reports = new ArrayList<>();
        for (String db : dataset.databases()) {
            reports.add(loader.load(connection, dialect, db));
        }
        return reports;
    }

    private static void summary(String engine, List<SpiderManLoader.LoadReport> reports, long startNanos) {
        long tables = reports.stream().mapToLong(r -> r.tables().size()).sum();
        long rows = reports.stream().mapToLong(SpiderManLoader.LoadReport::rows).sum();
        List<String> notes = reports.stream().flatMap(r -> r.tables().stream()
                .flatMap(t -> t.notes().stream().map(n -> r.schema() + "." + t.table() + ": " + n))).toList();
        System.out.printf("%s: loaded %d databases, %d tables, %d rows in %d ms; %d notes%n", engine, reports.size(),
                tables, rows, (System.nanoTime() - startNanos) / 1_000_000, notes.size());
        if (engine.equals("DuckDB")) {
            notes.forEach(n -> System.out.println("  " + n));
        }
    }

    private static void use(Connection c, Dialect dialect, String database) throws SQLException {
        try (Statement s = c.createStatement()) {
            String schema = database.toLowerCase(Locale.ROOT);
            s.execute(dialect == Dialect.POSTGRES ? "SET search_path TO " + MySqlDdlTranslator.quote(schema)
                    : "SET search_path = '" + schema + "'");
        }
    }

    private boolean allTablesHaveData(String schema, String sql) {
        try {
            Set<String> tables = TablesNamesFinder.findTables(sql).stream()
                    .map(t -> t.replace("\"", "").toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            return tables.stream().allMatch(t -> rowsByTable.getOrDefault(schema + "." + t, 0L) > 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean hasTopLevelOrderBy(String sql) {
        try {
            var select = (net.sf.jsqlparser.statement.select.Select) CCJSqlParserUtil.parse(sql);
            return select.getOrderByElements() != null && !select.getOrderByElements().isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(List<List<Object>> rows) {
        String s = rows.toString();
        return s.length() > 400 ? s.substring(0, 400) + "... (" + rows.size() + " rows)" : s;
    }
}
