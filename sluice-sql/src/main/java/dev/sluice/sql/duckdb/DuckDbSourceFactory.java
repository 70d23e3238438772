package dev.sluice.sql.duckdb;

import dev.sluice.core.config.ConfigNode;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.source.OpenableSource;
import dev.sluice.sql.source.SourceDefinition;
import dev.sluice.sql.source.SourceFactory;
import dev.sluice.sql.source.SourceSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code kind: duckdb}. */
public final class DuckDbSourceFactory implements SourceFactory {
    private static final Pattern VIEW_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    @Override
    public String kind() {
        return "duckdb";
    }

    @Override
    public SourceDefinition validate(String name, ConfigNode node, SourceSettings settings) {
        String path = node.string("path", null);
        if (path == null || path.isBlank()) {
            throw node.error("path", "is required: a DuckDB file, :memory:, or demo");
        }
        if (!path.equals(DuckDbConfig.MEMORY) && !path.equals(DuckDbConfig.DEMO)) {
            Path file = Path.of(path);
            if (!Files.isRegularFile(file) && !settings.allowWrites()) {
                throw node.error("path", "file does not exist: " + path);
            }
        }
        Map<String, String> files = node.stringMap("files");
        boolean readOnlyFile = !path.equals(DuckDbConfig.MEMORY) && !path.equals(DuckDbConfig.DEMO) && !settings.allowWrites();
        if (!files.isEmpty() && readOnlyFile) {
            throw node.error("files", "views over files need a database they can be created in: use path \":memory:\" "
                    + "for a source made of files (a DuckDB file is opened read-only)");
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (!VIEW_NAME.matcher(f.getKey()).matches()) {
                throw node.error("files." + f.getKey(), "view names are letters, digits and _ (starting with a letter or _)");
            }
            String lower = f.getValue().toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".parquet") || lower.endsWith(".csv") || lower.endsWith(".json") || lower.endsWith(".jsonl")
                    || lower.endsWith(".ndjson") || lower.endsWith(".csv.gz"))) {
                throw node.error("files." + f.getKey(), "must name .parquet, .csv or .json files (a glob is fine), got " + f.getValue());
            }
            Path parent = Path.of(f.getValue()).toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw node.error("files." + f.getKey(), "directory does not exist: " + parent);
            }
        }
        java.util.List<String> spiderman = node.strings("spiderman");
        Path spidermanRoot = Path.of(node.string("spiderman_path", "../shared/datasets/spiderman"));
        if (!spiderman.isEmpty() && !Files.isDirectory(spidermanRoot.resolve("databases"))) {
            throw node.error("spiderman_path", "no SpiderMan dataset at " + spidermanRoot.toAbsolutePath() + " (expected a databases/ folder)");
        }
        for (String database : spiderman) {
            if (!database.equals("all") && !Files.isDirectory(spidermanRoot.resolve("databases").resolve(database))) {
                throw node.error("spiderman", "no SpiderMan database '" + database + "' in " + spidermanRoot.toAbsolutePath().resolve("databases"));
            }
        }
        DuckDbConfig config = new DuckDbConfig(path, files, spiderman, spidermanRoot);
        return new OpenableSource(name, "duckdb", Dialect.DUCKDB, settings, () -> DuckDbSource.open(name, config, settings));
    }
}
