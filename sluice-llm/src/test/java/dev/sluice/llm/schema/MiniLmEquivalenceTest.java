package dev.sluice.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direct ONNX Runtime path ({@link MiniLmEmbedder}) against langchain4j's
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel}, which it replaced: the same vectors, also for texts
 * past the tokenizer's 128-token limit, from one thread or many.
 */
class MiniLmEquivalenceTest {
    private static final List<String> SENTENCES = sentences();
    private static List<float[]> reference;

    @BeforeAll
    static void embedWithLangchain4j() {
        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        reference = new ArrayList<>();
        for (String s : SENTENCES) {
            // what the old MiniLmEmbedder did: blank -> "?", langchain4j vector, L2-normalised
            reference.add(MiniLmEmbedder.normalise(model.embed(TextSegment.from(s.isBlank() ? "?" : s)).content().vector()));
        }
    }

    private static List<String> sentences() {
        List<String> s = new ArrayList<>(List.of(
                "How many singers are there?",
                "What is the average, minimum, and maximum age of all singers from France?",
                "Show the name and the release year of the song by the youngest singer.",
                "List the names of employees who earn more than 50,000 dollars and work in the Sales department.",
                "Which airlines have flights departing from airport 'APG'?",
                "singer in concert: concert id, singer id. Which singer sings at which concert",
                "employee: employee id, name, age, city, salary, department id. Staff of the company",
                "歌手は何人いますか？",
                "東京都にある店舗はいくつですか？",
                "Wie viele Sänger gibt es?",
                "Café crème à 3,50 € — naïve résumé",
                "🙂",
                "",
                "   ",
                "a",
                "[CLS] [SEP] [UNK] ## weird ##tokens",
                "tbl_usr_acct_x9 hasCamelCaseColumns and snake_case_columns 12345 67.89",
                "SELECT count(*) FROM singer WHERE country = 'France'"));
        StringBuilder longText = new StringBuilder("orders: ");
        for (int i = 0; i < 120; i++) {
            longText.append("column_").append(i).append(" amount").append(i % 7).append(", ");
        }
        s.add(longText.toString()); // well past 128 tokens: truncated by the tokenizer in both paths
        s.add("word ".repeat(600)); // past 512 tokens
        return s;
    }

    @Test
    void embed_matchesLangchain4j() {
        MiniLmEmbedder direct = MiniLmEmbedder.instance();
        for (int i = 0; i < SENTENCES.size(); i++) {
            float[] v = direct.embed(SENTENCES.get(i));
            assertThat(v).hasSize(MiniLmEmbedder.DIMENSIONS);
            assertThat(dot(v, reference.get(i))).as(SENTENCES.get(i)).isGreaterThan(0.9999);
        }
    }

    @Test
    void embedAll_matchesLangchain4j_inOrder() {
        List<float[]> all = MiniLmEmbedder.instance().embedAll(SENTENCES);
        assertThat(all).hasSize(SENTENCES.size());
        for (int i = 0; i < SENTENCES.size(); i++) {
            assertThat(dot(all.get(i), reference.get(i))).as(SENTENCES.get(i)).isGreaterThan(0.9999);
        }
    }

    @Test
    void embed_fromManyThreadsAtOnce_givesTheSameVectors() throws Exception {
        MiniLmEmbedder direct = MiniLmEmbedder.instance();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < SENTENCES.size(); i++) {
                    int n = i;
                    checks.add(pool.submit(() -> dot(direct.embed(SENTENCES.get(n)), reference.get(n)) > 0.9999));
                }
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cachedEmbedder_returnsTheSameVector_andEvictsLeastRecentlyUsed() {
        CachingTextEmbedder cached = new CachingTextEmbedder(MiniLmEmbedder.instance(), 2);
        float[] first = cached.embed(SENTENCES.get(0));
        first[0] = 42; // callers get copies
        float[] again = cached.embed(SENTENCES.get(0));
        assertThat(dot(again, reference.get(0))).isGreaterThan(0.9999);
        cached.embed(SENTENCES.get(1));
        cached.embed(SENTENCES.get(2));
        assertThat(cached.size()).isEqualTo(2);
        assertThat(dot(cached.embed(SENTENCES.get(0)), reference.get(0))).isGreaterThan(0.9999);
    }

    @Test
    void miniLm_withAndWithoutCache_agree() {
        float[] a = TextEmbedder.miniLm().embed("How many singers are there?");
        float[] b = TextEmbedder.miniLm(0).embed("How many singers are there?");
        assertThat(a).containsExactly(b);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
