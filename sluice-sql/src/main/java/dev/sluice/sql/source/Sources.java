package dev.sluice.sql.source;

import dev.sluice.core.config.ConfigNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The configured sources. Start-up is two-phase: every source's configuration is validated
 * first (so one mistake is reported before anything connects), then each is opened.
 * With no {@code sources} section the built-in demo lake is the only source, named {@code demo}.
 */
public final class Sources implements AutoCloseable {
    public static final String DEMO = "demo";
    private final CompletableFuture<Map<String, Source>> byName;
    private final List<SourceDefinition> definitions;

    private Sources(CompletableFuture<Map<String, Source>> byName, List<SourceDefinition> definitions) {
        this.byName = byName;
        this.definitions = List.copyOf(definitions);
    }

    public static List<SourceDefinition> validate(ConfigNode sources, SourceKinds kinds) {
        List<SourceDefinition> definitions = new ArrayList<>();
        if (sources.isEmpty()) {
            SourceSettings d = SourceSettings.defaults();
            SourceSettings demo = new SourceSettings(true, false, d.maxRows(), d.timeout(), d.maxConcurrentQueries(),
                    d.maxConcurrentQueriesPerPrincipal(), List.of(), List.of(), Map.of());
            definitions.add(kinds.get("duckdb").validate(DEMO, demoConfig(), demo));
            return definitions;
        }
        int defaults = 0;
        for (String name : sources.keys()) {
            if (!name.matches("[A-Za-z][A-Za-z0-9_-]{0,62}")) {
                throw sources.error(name, "source names are letters, digits, _ and - (starting with a letter)");
            }
            ConfigNode node = sources.child(name);
            String kind = node.string("kind", null);
            SourceFactory factory = kind == null ? null : kinds.get(kind);
            if (factory == null) {
                throw node.error("kind", (kind == null ? "is required" : "unknown kind '" + kind + "'") + "; one of " + String.join(", ", kinds.names()));
            }
            SourceSettings settings = SourceSettings.read(node);
            SourceDefinition definition = factory.validate(name, node, settings);
            node.rejectUnknownKeys();
            if (settings.isDefault()) {
                defaults++;
                if (defaults > 1) {
                    throw node.error("default", "only one source may be the default");
                }
            }
            definitions.add(definition);
        }
        sources.rejectUnknownKeys();
        return definitions;
    }

    private static ConfigNode demoConfig() {
        return dev.sluice.core.config.ConfigLoader.parse("(built-in demo)", "sources:\n  demo:\n    path: demo\n", Map.of())
                .sources().child(DEMO);
    }

    /** Opens every validated source now; if one fails, the ones already open are closed. */
    public static Sources open(List<SourceDefinition> definitions) {
        return new Sources(CompletableFuture.completedFuture(openAll(definitions)), definitions);
    }

    /**
     * Opens the sources on a background thread so the endpoint can answer at once (the demo lake
     * takes a moment to build). Tools wait for the sources; if opening fails they report why.
     */
    public static Sources openInBackground(List<SourceDefinition> definitions) {
        CompletableFuture<Map<String, Source>> future = new CompletableFuture<>();
        Thread.ofPlatform().name("sluice-open-sources").daemon().start(() -> {
            try {
                future.complete(openAll(definitions));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        });
        return new Sources(future, definitions);
    }

    private static Map<String, Source> openAll(List<SourceDefinition> definitions) {
        Map<String, Source> opened = new LinkedHashMap<>();
        try {
            for (SourceDefinition d : definitions) {
                opened.put(d.name(), d.open());
            }
        } catch (RuntimeException e) {
            opened.values().forEach(Source::close);
            throw e;
        }
        return opened;
    }

    /** Wraps already opened sources (tests). */
    public static Sources of(List<Source> sources) {
        Map<String, Source> map = new LinkedHashMap<>();
        sources.forEach(s -> map.put(s.name(), s));
        return new Sources(CompletableFuture.completedFuture(map), List.of());
    }

    /** Blocks until the sources are open; throws {@link SourceException} if opening failed. */
    private Map<String, Source> opened() {
        try {
            return byName.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new SourceException("the data sources could not be opened: " + cause.getMessage(), null, cause);
        } catch (TimeoutException e) {
            throw new SourceException("the data sources are still opening; retry in a moment", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while waiting for the data sources", null, e);
        }
    }

    /** True once opening finished (successfully or not). */
    public boolean isSettled() {
        return byName.isDone();
    }

    public Optional<Source> get(String name) {
        return Optional.ofNullable(opened().get(name));
    }

    public Source defaultSource() {
        Map<String, Source> all = opened();
        return all.values().stream().filter(s -> s.settings().isDefault()).findFirst().orElse(all.values().iterator().next());
    }

    public List<Source> all() {
        return List.copyOf(opened().values());
    }

    /** Names of the configured sources (known before they are open). */
    public List<String> names() {
        return definitions.isEmpty() ? List.copyOf(opened().keySet()) : definitions.stream().map(SourceDefinition::name).toList();
    }

    @Override
    public void close() {
        byName.thenAccept(all -> all.values().forEach(Source::close));
    }
}
