package dev.sluice.bench;

import dev.sluice.llm.schema.Retrieval;
import dev.sluice.llm.schema.RetrievalHints;
import dev.sluice.llm.schema.RetrieverSettings;
import dev.sluice.llm.schema.SchemaCatalog;
import dev.sluice.llm.schema.SchemaContext;
import dev.sluice.llm.schema.SchemaRetriever;
import dev.sluice.llm.schema.SpiderManCatalog;
import dev.sluice.llm.schema.TextEmbedder;
import dev.sluice.sql.spiderman.SpiderManDataset;
import dev.sluice.sql.spiderman.SpiderManQuestion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Latency of schema retrieval on the SpiderMan catalogue (157 databases, 779 tables in one index):
 * every test question is retrieved (top 8, no hint) single-threaded, after a warm-up pass; prints
 * p50/p90/p99/max per question for lexical-only and hybrid retrieval, for the question embedding
 * alone (no cache; of the whole question, and of the content words retrieval embeds), for rendering the 8 tables' context, and for a repeated question (LRU cache hit). A plain main, not JMH: the point is the
 * distribution over real questions. Usage:
 * {@code java -cp sluice-bench/target/sluice-benchmarks.jar dev.sluice.bench.SchemaRetrievalBenchmark
 * [dataset folder, default ../shared/datasets/spiderman] [passes, default 3]}
 */
public final class SchemaRetrievalBenchmark {
    private SchemaRetrievalBenchmark() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/datasets/spiderman");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SpiderManDataset dataset = new SpiderManDataset(root);
        long t0 = System.nanoTime();
        SchemaCatalog catalog = SpiderManCatalog.read(dataset, Instant.now());
        long t1 = System.nanoTime();
        SchemaRetriever lexical = SchemaRetriever.lexical(catalog, RetrieverSettings.DEFAULTS);
        long t2 = System.nanoTime();
        // no question cache: every pass would hit it; the cached case is measured separately below
        TextEmbedder embedder = TextEmbedder.miniLm(0);
        SchemaRetriever hybrid = SchemaRetriever.hybrid(catalog, RetrieverSettings.DEFAULTS, embedder);
        long t3 = System.nanoTime();
        List<String> questions = dataset.testQuestions().stream().map(SpiderManQuestion::question).toList();
        System.out.printf(Locale.ROOT, "catalogue: %d tables read in %.1f s; lexical index %.0f ms; hybrid index (embeds every table) %.1f s%n",
                catalog.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e6, (t3 - t2) / 1e9);
        System.out.printf(Locale.ROOT, "%d questions x %d passes, top 8, no hint, one thread, %d cores%n",
                questions.size(), passes, Runtime.getRuntime().availableProcessors());

        measure("lexical retrieve", questions, passes, q -> lexical.retrieve(q, RetrievalHints.none(), 8));
        measure("question embedding, whole question", questions, passes, embedder::embed);
        measure("question embedding, content words", questions, passes, q -> embedder.embed(SchemaRetriever.embeddingInput(q)));
        measure("hybrid retrieve", questions, passes, q -> hybrid.retrieve(q, RetrievalHints.none(), 8));
        measure("hybrid + render 8 tables (8,000 chars)", questions, passes, q -> {
            Retrieval r = hybrid.retrieve(q, RetrievalHints.none(), 8);
            SchemaContext.render(r.catalogTables(), 8_000);
        });
        SchemaRetriever cached = SchemaRetriever.hybrid(catalog, RetrieverSettings.DEFAULTS, TextEmbedder.miniLm(questions.size()));
        measure("hybrid retrieve, question vector cached", questions, passes, q -> cached.retrieve(q, RetrievalHints.none(), 8));
    }

    private static void measure(String name, List<String> questions, int passes, Consumer<String> op) {
        questions.forEach(op); // warm-up
        long[] nanos = new long[questions.size() * passes];
        int n = 0;
        for (int p = 0; p < passes; p++) {
            for (String q : questions) {
                long start = System.nanoTime();
                op.accept(q);
                nanos[n++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-40s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name,
                pct(nanos, 0.50), pct(nanos, 0.90), pct(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
