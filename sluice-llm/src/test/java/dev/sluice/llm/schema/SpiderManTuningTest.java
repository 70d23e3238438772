package dev.sluice.llm.schema;


import dev.sluice.sql.spiderman.SpiderManQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Grid search of the fusion weights on the SpiderMan TRAIN questions (every second one), never the
 * test questions. Prints the best settings. It is a tuning job (about 8 minutes), not a check, so
 * it carries its own tag that no build runs unless asked (see docs/schema-retrieval.md).
 */
@Tag("tuning")
class SpiderManTuningTest {

    @Test
    void trainQuestions_gridSearchOfFusionWeights() {
        SpiderManRetrievalTest.load();
        SchemaRetriever retriever = SpiderManRetrievalTest.hybrid;
        List<SpiderManQuestion> all = SpiderManRetrievalTest.dataset.trainQuestions();
        List<SpiderManQuestion> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 2) {
            sample.add(all.get(i));
        }
        List<SpiderManRetrievalTest.Case> cases = SpiderManRetrievalTest.cases(sample).stream()
                .filter(c -> !c.gold().isEmpty()).toList();
        List<SchemaRetriever.Signals> signals = cases.stream()
                .map(c -> retriever.signals(c.question().question(), RetrievalHints.none())).toList();
        RetrieverSettings base = RetrieverSettings.DEFAULTS.withWholeSchemaChars(0);
        double bestScore = -1;
        String best = "";
        for (double lex : new double[] {1}) { // only the ratios matter
            for (double sem : new double[] {0, 0.5, 1, 1.5, 2, 3}) {
                for (double schema : new double[] {0, 0.5, 1, 1.5, 2, 3}) {
                    for (double fk : new double[] {0, 0.1, 0.2, 0.3}) {
                        RetrieverSettings w = base.withWeights(lex, sem, schema, fk);
                        double[] r = SpiderManRetrievalTest.recall(retriever, cases, signals, w);
                        double score = r[3] + 0.3 * r[2] + 0.1 * r[1];
                        String line = String.format(Locale.ROOT, "lex=%.1f sem=%.1f schema=%.1f fk=%.1f%s",
                                lex, sem, schema, fk, SpiderManRetrievalTest.format(r));
                        System.out.println("TUNE " + line);
                        if (score > bestScore) {
                            bestScore = score;
                            best = line;
                        }
                    }
                }
            }
        }
        System.out.println("TUNE " + cases.size() + " train questions; best " + best);
    }
}
