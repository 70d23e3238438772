package dev.sluice.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaRetrieverTest {
    /** Budget 0: never the whole-schema shortcut, so ranking is what is tested. */
    private static final RetrieverSettings RANKED = RetrieverSettings.DEFAULTS.withWholeSchemaChars(0);

    private final SchemaRetriever lexical = SchemaRetriever.lexical(TestCatalogs.lake(), RANKED);

    private static List<String> names(Retrieval r) {
        return r.tables().stream().map(t -> t.table().qualifiedName()).toList();
    }

    @Test
    void retrieve_ranksTablesNamedInTheQuestionFirst() {
        Retrieval r = lexical.retrieve("How many orders did each customer place?", RetrievalHints.none(), 3);
        assertThat(names(r).get(0)).isEqualTo("lake.shop.orders");
        assertThat(names(r)).contains("lake.shop.customers");
        assertThat(r.wholeSchema()).isFalse();
        assertThat(r.candidates()).isEqualTo(15);
    }

    @Test
    void retrieve_matchesSampleValuesAndComments_andSaysWhichTerms() {
        ScoredTable top = lexical.retrieve("Which bills are overdue?", RetrievalHints.none(), 3).tables().get(0);
        assertThat(top.table().qualifiedName()).isEqualTo("lake.finance.invoices");
        assertThat(top.matchedTerms()).containsExactly("overdue");
        assertThat(top.reason()).contains("lexical");

        assertThat(names(lexical.retrieve("complaints opened this week", RetrievalHints.none(), 1)))
                .containsExactly("lake.support.tickets");
    }

    @Test
    void retrieve_splitsCamelCaseColumnNames() {
        assertThat(names(lexical.retrieve("employees hired on a Monday with their first name", RetrievalHints.none(), 1)))
                .containsExactly("lake.hr.employees");
    }

    @Test
    void retrieve_pullsInTheForeignKeyBridgeBetweenTwoMatchedTables() {
        SchemaRetriever withForeignKeys = SchemaRetriever.lexical(TestCatalogs.lake(), RANKED.withWeights(1, 0, 2, 0.3));
        Retrieval r = withForeignKeys.retrieve("total quantity sold per product title", RetrievalHints.none(), 3);
        assertThat(r.tables()).anyMatch(t -> t.reason().contains("foreign key of"));
        assertThat(names(r)).contains("lake.shop.order_lines", "lake.shop.products");
    }

    @Test
    void retrieve_schemaHintRestrictsTheCandidates() {
        Retrieval r = lexical.retrieve("customer_id", RetrievalHints.schema("WEB"), 5);
        assertThat(names(r)).containsExactly("lake.web.sessions", "lake.web.page_views");
        assertThat(r.candidates()).isEqualTo(2);
    }

    @Test
    void retrieve_catalogHintThatMatchesNothing_returnsNothing() {
        Retrieval r = lexical.retrieve("orders", new RetrievalHints("other", null, null), 5);
        assertThat(r.tables()).isEmpty();
    }

    /** PostgreSQL and DuckDB name tables schema.table: the catalog is the database the source is connected to. */
    @Test
    void retrieve_catalogHint_doesNotNarrowTablesThatHaveNoCatalog() {
        List<CatalogColumn> id = List.of(new CatalogColumn("id", "integer", null, List.of(), false));
        SchemaCatalog twoPart = SchemaCatalog.of(List.of(new CatalogTable("pg", null, "sales", "orders", null, null, id, List.of()),
                new CatalogTable("pg", null, "support", "tickets", null, null, id, List.of())), java.time.Instant.EPOCH);
        SchemaRetriever retriever = SchemaRetriever.lexical(twoPart, RANKED);
        assertThat(names(retriever.retrieve("orders", new RetrievalHints("shop", null, null), 5)))
                .containsExactly("sales.orders", "support.tickets");
        assertThat(names(retriever.retrieve("orders", new RetrievalHints("shop", "support", null), 5))).containsExactly("support.tickets");
        assertThat(names(retriever.retrieve("orders", new RetrievalHints("shop", null, "tickets"), 5))).containsExactly("support.tickets");
    }

    @Test
    void retrieve_tableHintComesFirst_andKeepsOthersInItsSchema() {
        Retrieval r = lexical.retrieve("monthly pay of engineers", new RetrievalHints(null, null, "departments"), 3);
        assertThat(names(r).get(0)).isEqualTo("lake.hr.departments");
        assertThat(r.tables().get(0).reason()).isEqualTo("hinted");
        assertThat(names(r)).allMatch(n -> n.startsWith("lake.hr."));
        assertThat(names(r)).contains("lake.hr.salaries");
    }

    @Test
    void retrieve_returnsEveryTableWhenTheSchemaFitsTheBudget() {
        SchemaRetriever small = SchemaRetriever.lexical(TestCatalogs.lake(), RetrieverSettings.DEFAULTS);
        Retrieval r = small.retrieve("How many orders?", RetrievalHints.none(), 2);
        assertThat(r.wholeSchema()).isTrue();
        assertThat(r.tables()).hasSize(15);
        assertThat(names(r).get(0)).isEqualTo("lake.shop.orders");
        assertThat(r.tables()).allMatch(t -> t.reason().startsWith("whole schema"));
    }

    @Test
    void retrieve_japaneseQuestion_matchesJapaneseCommentsAndValues() {
        Retrieval r = lexical.retrieve("東京都にある店舗はいくつですか？", RetrievalHints.none(), 3);
        assertThat(names(r).get(0)).isEqualTo("lake.shop.jp_stores");
        assertThat(r.tables().get(0).matchedTerms()).contains("東京", "店舗");
    }

    @Test
    void retrieve_questionWithNoKnownTerm_stillReturnsKTables() {
        assertThat(lexical.retrieve("Wie viele Bestellungen gab es gestern?", RetrievalHints.none(), 4).tables()).hasSize(4);
        assertThat(lexical.retrieve("", RetrievalHints.none(), 4).tables()).hasSize(4);
        assertThat(lexical.retrieve("🙂 ¿qué? ٣٤ ", RetrievalHints.none(), 4).tables()).hasSize(4);
    }

    @Test
    void retrieve_isDeterministic() {
        String q = "revenue by product category and customer country";
        assertThat(lexical.retrieve(q, RetrievalHints.none(), 8))
                .isEqualTo(SchemaRetriever.lexical(TestCatalogs.lake(), RANKED).retrieve(q, RetrievalHints.none(), 8));
    }

    @Test
    void retrieve_hybridWithAnEmbedder_blendsSemanticMatches() {
        TextEmbedder fake = text -> {
            // "money" in the question and "pay" in a table sentence share a direction; all else is orthogonal
            boolean money = text.contains("money") || text.contains("gross");
            return money ? new float[] {1, 0} : new float[] {0, 1};
        };
        SchemaRetriever hybrid = SchemaRetriever.hybrid(TestCatalogs.lake(), RANKED, fake);
        Retrieval r = hybrid.retrieve("how much money did staff get", RetrievalHints.none(), 2);
        assertThat(names(r)).contains("lake.hr.salaries");
        assertThat(r.tables().get(0).reason()).contains("semantic");
    }

    @Test
    void retrieve_rejectsKBelowOne() {
        assertThatThrownBy(() -> lexical.retrieve("orders", RetrievalHints.none(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("k must be at least 1, got 0");
    }

    @Test
    void retrieve_emptyCatalogue_returnsNothing() {
        SchemaRetriever empty = SchemaRetriever.lexical(SchemaCatalog.of(List.of(), TestCatalogs.TAKEN), RANKED);
        assertThat(empty.retrieve("orders", RetrievalHints.none(), 3).tables()).isEmpty();
    }

    @Test
    void retrieve_hybrid_embedsTheQuestionsContentWordsOnly() {
        List<String> embedded = new java.util.ArrayList<>();
        TextEmbedder recording = text -> {
            embedded.add(text);
            return new float[] {1, 0};
        };
        SchemaRetriever hybrid = SchemaRetriever.hybrid(TestCatalogs.lake(), RANKED, recording);
        embedded.clear();
        hybrid.retrieve("How many orders did each customer place?", RetrievalHints.none(), 3);
        assertThat(embedded).containsExactly("orders customer place");
    }

    @Test
    void dot_matchesThePlainSumForAnyLength() {
        java.util.Random random = new java.util.Random(7);
        for (int n : new int[] {0, 1, 3, 4, 5, 384, 385}) {
            float[] a = new float[n];
            float[] b = new float[n];
            double plain = 0;
            for (int i = 0; i < n; i++) {
                a[i] = random.nextFloat() - 0.5f;
                b[i] = random.nextFloat() - 0.5f;
                plain += (double) a[i] * b[i];
            }
            assertThat(SchemaRetriever.dot(a, b)).as("length %d", n).isCloseTo(plain, org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void retrieve_hybrid_refusesAQuestionVectorOfAnotherLength() {
        TextEmbedder drifting = text -> text.contains("customer place") ? new float[] {1, 0, 0} : new float[] {1, 0};
        SchemaRetriever hybrid = SchemaRetriever.hybrid(TestCatalogs.lake(), RANKED, drifting);
        assertThatThrownBy(() -> hybrid.retrieve("How many orders did each customer place?", RetrievalHints.none(), 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the embedder gave a question vector of 3 dimensions, but the tables were embedded with 2");
    }
}
