package dev.sluice.sql.source;

import dev.sluice.sql.duckdb.DuckDbSourceFactory;
import dev.sluice.sql.postgres.PostgresSourceFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry from {@code kind} to factory. A new kind is one line here. */
public final class SourceKinds {
    private final Map<String, SourceFactory> factories = new LinkedHashMap<>();

    public SourceKinds(List<SourceFactory> kinds) {
        kinds.forEach(f -> factories.put(f.kind(), f));
    }

    public static SourceKinds builtIn() {
        return new SourceKinds(List.of(new DuckDbSourceFactory(), new PostgresSourceFactory()));
    }

    public SourceFactory get(String kind) {
        return factories.get(kind);
    }

    public List<String> names() {
        return List.copyOf(factories.keySet());
    }
}
