package dev.sluice.sql.duckdb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A DuckDB source's own settings.
 *
 * @param path       a database file, {@code :memory:}, or {@code demo} (the built-in demo lake)
 * @param files      view name → a Parquet, CSV or JSON file or glob, exposed as a view
 * @param spiderman  SpiderMan databases to load (names, or {@code all}), each into its own schema
 * @param spidermanRoot where the SpiderMan dataset lives
 */
public record DuckDbConfig(String path, Map<String, String> files, List<String> spiderman, Path spidermanRoot) {
    public static final String MEMORY = ":memory:";
    public static final String DEMO = "demo";

    public DuckDbConfig {
        requireNonNull(path, "path is null");
        files = Map.copyOf(files);
        spiderman = List.copyOf(spiderman);
    }

    public boolean inMemory() {
        return path.equals(MEMORY) || path.equals(DEMO);
    }
}
