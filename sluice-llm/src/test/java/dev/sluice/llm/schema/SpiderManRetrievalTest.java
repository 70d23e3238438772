package dev.sluice.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sql.spiderman.SpiderManDataset;
import dev.sluice.sql.spiderman.SpiderManQuestion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Retrieval over all 157 SpiderMan databases in one catalogue (779 tables named database.table):
 * for each of the 1,034 test questions, are all the tables its gold SQL reads among the top k?
 * Reads the dataset in place; run with -Pdatasets -Dsluice.datasets=....
 */
@Tag("dataset")
class SpiderManRetrievalTest {
    static final int[] KS = {1, 3, 5, 8, 12};

    static SpiderManDataset dataset;
    static SchemaCatalog catalog;
    static SchemaRetriever hybrid;

    @BeforeAll
    static synchronized void load() {
        if (hybrid != null) {
            return;
        }
        dataset = new SpiderManDataset(Path.of(System.getProperty("sluice.datasets", "../shared/datasets"), "spiderman"));
        catalog = SpiderManCatalog.read(dataset, Instant.parse("2026-01-01T00:00:00Z"));
        long start = System.nanoTime();
        hybrid = SchemaRetriever.hybrid(catalog, RetrieverSettings.DEFAULTS, TextEmbedder.miniLm());
        System.out.printf(Locale.ROOT, "RETRIEVAL index of %d tables built in %.1f s%n", catalog.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** A question with the catalogue keys of the tables its gold SQL reads. */
    record Case(SpiderManQuestion question, Set<String> gold) {
    }

    static List<Case> cases(List<SpiderManQuestion> questions) {
        List<Case> out = new ArrayList<>();
        for (SpiderManQuestion q : questions) {
            out.add(new Case(q, GoldTables.of(q.sql(), q.database())));
        }
        return out;
    }

    /** Share of cases whose gold tables are all within the first k of a retrieval, for each k. */
    static double[] recall(SchemaRetriever retriever, List<Case> cases, List<SchemaRetriever.Signals> signals,
            RetrieverSettings w) {
        int[] hits = new int[KS.length];
        for (int i = 0; i < cases.size(); i++) {
            List<String> ranked = retriever.rank(signals.get(i), w, KS[KS.length - 1]).tables().stream()
                    .map(t -> t.table().key()).toList();
            Set<String> gold = cases.get(i).gold();
            for (int j = 0; j < KS.length; j++) {
                List<String> top = ranked.subList(0, Math.min(KS[j], ranked.size()));
                if (!gold.isEmpty() && top.containsAll(gold)) {
                    hits[j]++;
                }
            }
        }
        double[] out = new double[KS.length];
        for (int j = 0; j < KS.length; j++) {
            out[j] = 100.0 * hits[j] / cases.size();
        }
        return out;
    }

    static String format(double[] recall) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < KS.length; j++) {
            b.append(String.format(Locale.ROOT, " R@%d=%.1f%%", KS[j], recall[j]));
        }
        return b.toString();
    }

    static RetrieverSettings lexicalOnly(RetrieverSettings w) {
        return w.withWeights(w.lexicalWeight(), 0, w.schemaWeight(), w.foreignKeyWeight());
    }

    @Test
    void goldTablesOfEveryTestQuestion_areInTheCatalogue() {
        List<String> missing = new ArrayList<>();
        for (Case c : cases(dataset.testQuestions())) {
            if (c.gold().isEmpty()) {
                missing.add("no tables parsed: " + c.question().sql());
            }
            c.gold().stream().filter(g -> catalog.table(g).isEmpty()).forEach(g -> missing.add(g + " in " + c.question().sql()));
        }
        assertThat(catalog.size()).isEqualTo(779);
        assertThat(missing).isEmpty();
    }

    @Test
    void testQuestions_recallAtK_lexicalVersusHybrid() {
        List<Case> cases = cases(dataset.testQuestions());
        assertThat(cases).hasSize(1_034);
        RetrieverSettings ranked = RetrieverSettings.DEFAULTS.withWholeSchemaChars(0);
        List<SchemaRetriever.Signals> open = cases.stream()
                .map(c -> hybrid.signals(c.question().question(), RetrievalHints.none())).toList();
        List<SchemaRetriever.Signals> hinted = cases.stream()
                .map(c -> hybrid.signals(c.question().question(), RetrievalHints.schema(c.question().database()))).toList();

        double[] lexical = recall(hybrid, cases, open, lexicalOnly(ranked));
        double[] fused = recall(hybrid, cases, open, ranked);
        double[] lexicalHinted = recall(hybrid, cases, hinted, lexicalOnly(ranked));
        double[] fusedHinted = recall(hybrid, cases, hinted, ranked);
        System.out.println("RETRIEVAL 779 tables, 1034 test questions, no hint:");
        System.out.println("RETRIEVAL   lexical" + format(lexical));
        System.out.println("RETRIEVAL   hybrid " + format(fused));
        System.out.println("RETRIEVAL database given as a hint (ranking only, whole-schema shortcut off):");
        System.out.println("RETRIEVAL   lexical" + format(lexicalHinted));
        System.out.println("RETRIEVAL   hybrid " + format(fusedHinted));

        assertThat(fused[3]).as("hybrid recall@8 with no hint").isGreaterThanOrEqualTo(FLOOR_HYBRID_AT_8);
        assertThat(lexical[3]).as("lexical recall@8 with no hint").isGreaterThanOrEqualTo(FLOOR_LEXICAL_AT_8);
        assertThat(fusedHinted[3]).as("hybrid recall@8 with the database hinted").isGreaterThanOrEqualTo(FLOOR_HINTED_AT_8);
    }

    // Floors: what this build reaches (96.7%, 89.2%, 99.7%; see docs/schema-retrieval.md), rounded down.
    // The 95% target is met by the hybrid retriever only; lexical alone stays near 89%. Embedding the
    // question's content words instead of the whole question cost 0.4 points (97.1%) for ~35% less model time.
    static final double FLOOR_HYBRID_AT_8 = 96.5;
    static final double FLOOR_LEXICAL_AT_8 = 89.0;
    static final double FLOOR_HINTED_AT_8 = 99.5;
}
