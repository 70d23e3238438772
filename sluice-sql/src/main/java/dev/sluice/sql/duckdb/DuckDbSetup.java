package dev.sluice.sql.duckdb;

import dev.sluice.sql.demo.DemoLake;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.spiderman.SpiderManDataset;
import dev.sluice.sql.spiderman.SpiderManLoader;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Loads what a DuckDB source serves, then locks the database down before any user query runs. */
final class DuckDbSetup {
    private DuckDbSetup() {
    }

    static void prepare(Connection root, DuckDbConfig config) throws SQLException {
        if (config.path().equals(DuckDbConfig.DEMO)) {
            DemoLake.create(root);
        }
        if (!config.spiderman().isEmpty()) {
            SpiderManDataset dataset = new SpiderManDataset(config.spidermanRoot());
            SpiderManLoader loader = new SpiderManLoader(dataset);
            List<String> databases = config.spiderman().contains("all") ? dataset.databases() : config.spiderman();
            for (String database : databases) {
                loader.load(root, Dialect.DUCKDB, database);
            }
        }
        try (Statement s = root.createStatement()) {
            for (Map.Entry<String, String> f : config.files().entrySet()) {
                s.execute("CREATE OR REPLACE VIEW " + quote(f.getKey()) + " AS SELECT * FROM " + reader(f.getValue()));
            }
        }
    }

    /**
     * Defence in depth behind the SQL guard: no file or network access outside the configured
     * files, no extension loading, and no way to change that afterwards.
     */
    static void lockDown(Connection root, DuckDbConfig config) throws SQLException {
        Set<String> dirs = new LinkedHashSet<>();
        for (String file : config.files().values()) {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            dirs.add(parent.toString().endsWith("/") ? parent.toString() : parent + "/");
        }
        try (Statement s = root.createStatement()) {
            if (!dirs.isEmpty()) {
                s.execute("SET allowed_directories = [" + String.join(", ", dirs.stream().map(DuckDbSetup::literal).toList()) + "]");
            }
            s.execute("SET enable_external_access = false");
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET lock_configuration = true");
        }
    }

    private static String reader(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        String fn = lower.endsWith(".parquet") ? "read_parquet" : lower.contains(".csv") ? "read_csv_auto" : "read_json_auto";
        return fn + "(" + literal(Path.of(file).toAbsolutePath().toString()) + ")";
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
