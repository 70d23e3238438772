package dev.sluice.llm.eval;

import dev.sluice.llm.schema.RetrievalHints;
import dev.sluice.llm.schema.RetrieverSettings;
import dev.sluice.llm.schema.SchemaCatalog;
import dev.sluice.llm.schema.SchemaContext;
import dev.sluice.llm.schema.SchemaRetriever;
import dev.sluice.llm.schema.SourceCatalogReader;
import dev.sluice.llm.schema.TextEmbedder;
import dev.sluice.llm.sql.TextToSqlSettings;
import dev.sluice.sql.policy.ColumnMasks;
import dev.sluice.sql.policy.TablePolicy;
import dev.sluice.sql.source.ColumnMeta;
import dev.sluice.sql.source.Source;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables schema retrieval puts in the prompt for a question, built exactly as the text-to-SQL
 * pipeline builds its index (same catalogue reader, policy filter, masks, settings and embedder
 * rule), since the pipeline's answer names only the tables its SQL used.
 */
final class RetrievalProbe {
    private final SchemaRetriever retriever;
    private final int maxTables;

    RetrievalProbe(Source source, Clock clock, TextToSqlSettings settings, TextEmbedder embedder) {
        RetrieverSettings rs = RetrieverSettings.DEFAULTS.withWholeSchemaChars(settings.schemaChars());
        TablePolicy policy = new TablePolicy(source.settings());
        ColumnMasks masks = new ColumnMasks(source.settings().masks());
        SchemaCatalog catalog = new SourceCatalogReader(clock, SourceCatalogReader.Options.DEFAULTS).read(source,
                t -> policy.permits(t.display()),
                (t, column) -> masks.plan(List.of(new ColumnMeta(column, "VARCHAR")))[0] == null);
        this.retriever = embedder == null || SchemaContext.render(catalog.tables(), Integer.MAX_VALUE).length() <= rs.wholeSchemaChars()
                ? SchemaRetriever.lexical(catalog, rs) : SchemaRetriever.hybrid(catalog, rs, embedder);
        this.maxTables = settings.maxTables();
    }

    /** The retrieved tables as lower-case {@code schema.table}, best first. */
    List<String> tables(String question, String schemaHint) {
        return retriever.retrieve(question, new RetrievalHints(null, schemaHint, null), maxTables).catalogTables().stream()
                .map(t -> schemaAndName(t.qualifiedName())).toList();
    }

    /** Whether every gold table is among the retrieved ones (both compared as {@code schema.table}). */
    static boolean covers(List<String> retrieved, Set<String> gold) {
        Set<String> have = retrieved.stream().map(RetrievalProbe::schemaAndName).collect(Collectors.toSet());
        return !gold.isEmpty() && gold.stream().map(RetrievalProbe::schemaAndName).allMatch(have::contains);
    }

    /** The last two dotted parts, lower-cased: {@code memory.main.t} → {@code main.t}. */
    static String schemaAndName(String qualified) {
        String[] parts = qualified.replace("\"", "").toLowerCase(Locale.ROOT).split("\\.");
        return parts.length <= 2 ? String.join(".", parts) : String.join(".", Arrays.copyOfRange(parts, parts.length - 2, parts.length));
    }
}
