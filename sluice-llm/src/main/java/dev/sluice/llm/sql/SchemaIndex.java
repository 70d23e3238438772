package dev.sluice.llm.sql;

import dev.sluice.llm.schema.RefreshingCatalog;
import dev.sluice.llm.schema.Retrieval;
import dev.sluice.llm.schema.RetrievalHints;
import dev.sluice.llm.schema.RetrieverSettings;
import dev.sluice.llm.schema.SchemaCatalog;
import dev.sluice.llm.schema.SchemaContext;
import dev.sluice.llm.schema.SchemaRetriever;
import dev.sluice.llm.schema.SourceCatalogReader;
import dev.sluice.llm.schema.TextEmbedder;
import dev.sluice.sql.policy.ColumnMasks;
import dev.sluice.sql.policy.TablePolicy;
import dev.sluice.sql.source.ColumnMeta;
import dev.sluice.sql.source.Source;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * One schema catalogue and retriever per source, read on first use and refreshed when older than
 * {@code maxAge}. Only tables the source's policy permits are read, and masked columns never show
 * sample values. Small catalogues (everything fits the prompt budget) use BM25 only; larger ones
 * fuse in the embedder's similarities when one is given, so the model loads only where it helps.
 */
final class SchemaIndex {
    private final Clock clock;
    private final Duration maxAge;
    private final SourceCatalogReader reader;
    private final RetrieverSettings settings;
    private final TextEmbedder embedder;
    private final Map<String, RefreshingCatalog> bySource = new ConcurrentHashMap<>();

    SchemaIndex(Clock clock, Duration maxAge, SourceCatalogReader.Options options, RetrieverSettings settings, TextEmbedder embedder) {
        this.clock = requireNonNull(clock, "clock is null");
        this.maxAge = requireNonNull(maxAge, "maxAge is null");
        this.reader = new SourceCatalogReader(clock, requireNonNull(options, "options is null"));
        this.settings = requireNonNull(settings, "settings is null");
        this.embedder = embedder;
    }

    Retrieval retrieve(Source source, String question, RetrievalHints hints, int maxTables) {
        return retriever(source).retrieve(question, hints, maxTables);
    }

    int tableCount(Source source) {
        return retriever(source).catalog().size();
    }

    private SchemaRetriever retriever(Source source) {
        return bySource.computeIfAbsent(source.name(), n -> new RefreshingCatalog(() -> read(source), this::index, clock, maxAge))
                .retriever();
    }

    private SchemaCatalog read(Source source) {
        TablePolicy policy = new TablePolicy(source.settings());
        ColumnMasks masks = new ColumnMasks(source.settings().masks());
        return reader.read(source, t -> policy.permits(t.display()),
                (t, column) -> masks.plan(List.of(new ColumnMeta(column, "VARCHAR")))[0] == null);
    }

    private SchemaRetriever index(SchemaCatalog catalog) {
        if (embedder == null || SchemaContext.render(catalog.tables(), Integer.MAX_VALUE).length() <= settings.wholeSchemaChars()) {
            return SchemaRetriever.lexical(catalog, settings);
        }
        return SchemaRetriever.hybrid(catalog, settings, embedder);
    }
}
