package dev.sluice.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled model, loaded from the classpath: no network. */
class MiniLmEmbedderTest {
    private final TextEmbedder model = TextEmbedder.miniLm();

    @Test
    void embed_givesUnitVectors_forEnglishJapaneseAndEmptyText() {
        for (String text : List.of("How many singers are there?", "歌手は何人いますか？", "", "🙂")) {
            float[] v = model.embed(text);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertThat(v).hasSize(384);
            assertThat(Math.sqrt(norm)).as(text).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void embed_placesRelatedSentencesCloser() {
        float[] q = model.embed("average salary of employees");
        double related = dot(q, model.embed("salaries: employee id, month, gross amount"));
        double unrelated = dot(q, model.embed("page views: session id, url, viewed at"));
        assertThat(related).isGreaterThan(unrelated);
    }

    @Test
    void hybridRetrieval_withJapaneseQuestion_doesNotBreak_andStillFindsJapaneseComments() {
        SchemaRetriever hybrid = SchemaRetriever.hybrid(TestCatalogs.lake(),
                RetrieverSettings.DEFAULTS.withWholeSchemaChars(0), model);
        Retrieval r = hybrid.retrieve("東京都にある店舗はいくつですか？", RetrievalHints.none(), 3);
        assertThat(r.tables()).hasSize(3);
        assertThat(r.tables().get(0).table().name()).isEqualTo("jp_stores");
        assertThat(hybrid.retrieve("給与の平均は？", RetrievalHints.none(), 3).tables()).hasSize(3);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
