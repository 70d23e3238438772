package dev.sluice.llm.eval;

import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.config.ConfigNode;
import dev.sluice.llm.provider.LlmProviders;
import dev.sluice.llm.provider.LlmSettings;
import dev.sluice.llm.schema.TextEmbedder;
import dev.sluice.llm.sql.TextToSql;
import dev.sluice.llm.sql.TextToSqlSettings;
import dev.sluice.llm.sql.VerifiedExamples;
import dev.sluice.llm.testing.UtcTestClock;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end on the demo lake, with a scripted OpenAI-compatible server as the model. */
class EvaluationTest {
    private static Sources sources;
    private static Source demo;

    @BeforeAll
    static void openDemo() {
        sources = Sources.open(Sources.validate(ConfigNode.empty("sources"), SourceKinds.builtIn()));
        demo = sources.defaultSource();
    }

    @AfterAll
    static void close() {
        sources.close();
    }

    /** Advances one millisecond every time it is read, so latencies are exact. */
    static final class TickingClock extends UtcTestClock {
        private long millis;

        @Override
        public synchronized Instant instant() {
            return Instant.ofEpochMilli(millis++);
        }
    }

    private static TextToSql pipeline() {
        return new TextToSql(Clock.systemUTC(), VerifiedExamples.none(), TextToSqlSettings.DEFAULTS, null);
    }

    private static LlmProviders openAi(FakeChatServer server) {
        String yaml = "llm:\n  provider: openai\n  base_url: " + server.baseUrl() + "\n  model: fake-sql-1\n  max_retries: 0\n  timeout: 5s\n";
        return LlmProviders.create(LlmSettings.read(ConfigLoader.parse("l.yaml", yaml, Map.of()).llm()), Clock.systemUTC(), d -> { },
                () -> 0.5);
    }

    @Test
    void scriptedModel_measuresAccuracyRecallTokensAndLatency_perQuestionAndInTotal() throws Exception {
        List<EvalQuestion> questions = QuestionSet.demo().subList(2, 5);
        try (FakeChatServer server = new FakeChatServer(); LlmProviders llm = openAi(server)) {
            server.answer(questions.get(0).goldSql())                                   // right
                    .answer("SELECT 1 AS users")                                        // valid, wrong
                    .answer("I am not sure.")                                           // no SQL: repaired
                    .answer("```sql\n" + questions.get(2).goldSql() + "\n```");          // right, second attempt
            List<String> lines = new ArrayList<>();
            EvalReport report = new Evaluation(pipeline(), llm.forCall(null), demo, new TickingClock())
                    .run(questions, r -> lines.add(r.toJson().toString()));

            assertThat(report.questions()).isEqualTo(3);
            assertThat(report.matches()).isEqualTo(2);
            assertThat(report.accuracy()).isEqualTo(2.0 / 3);
            assertThat(report.retrievalRecall()).isEqualTo(1.0);
            assertThat(report.inputTokens()).isEqualTo(400);
            assertThat(report.outputTokens()).isEqualTo(80);
            assertThat(report.attempts()).isEqualTo(4);
            assertThat(report.repairs()).isEqualTo(1);
            assertThat(report.latency(50).toMillis()).isEqualTo(3);
            assertThat(report.latency(90).toMillis()).isEqualTo(5);
            assertThat(report.latencyWithoutLlm(90).toMillis()).isEqualTo(3);
            assertThat(server.requests()).isEqualTo(4);

            // the whole demo schema fits the prompt: every table, best match first
            String tables1 = "[\"main.slack_messages\",\"main.slack_users\",\"analytics.orders\",\"analytics.customers\","
                    + "\"analytics.events\",\"analytics.order_items\",\"analytics.products\"]";
            String tables2 = "[\"main.slack_users\",\"main.slack_messages\",\"analytics.customers\",\"analytics.products\","
                    + "\"analytics.events\",\"analytics.order_items\",\"analytics.orders\"]";
            String tables3 = "[\"main.slack_users\",\"main.slack_messages\",\"analytics.customers\",\"analytics.events\","
                    + "\"analytics.order_items\",\"analytics.orders\",\"analytics.products\"]";
            assertThat(lines).containsExactly(
                    "{\"line\":4,\"database\":\"demo\",\"question\":\"How many messages were posted in each Slack channel?\","
                            + "\"gold_sql\":\"" + questions.get(0).goldSql() + "\",\"status\":\"generated\","
                            + "\"generated_sql\":\"" + questions.get(0).goldSql() + "\",\"match\":true,\"error\":null,"
                            + "\"retrieved_tables\":" + tables1 + ",\"gold_tables\":[\"main.slack_messages\"],\"retrieval_hit\":true,"
                            + "\"attempts\":1,\"repairs\":0,\"tokens\":{\"input\":100,\"output\":20},"
                            + "\"latency_ms\":{\"total\":3.0,\"without_llm\":2.0}}",
                    "{\"line\":5,\"database\":\"demo\",\"question\":\"Who posted the most Slack messages? Give their real name and the count.\","
                            + "\"gold_sql\":" + json(questions.get(1).goldSql()) + ",\"status\":\"generated\","
                            + "\"generated_sql\":\"SELECT 1 AS users\",\"match\":false,"
                            + "\"error\":\"rows differ from the gold SQL's (gold 1 rows, generated 1)\","
                            + "\"retrieved_tables\":" + tables2 + ",\"gold_tables\":[\"main.slack_messages\",\"main.slack_users\"],"
                            + "\"retrieval_hit\":true,\"attempts\":1,\"repairs\":0,\"tokens\":{\"input\":100,\"output\":20},"
                            + "\"latency_ms\":{\"total\":3.0,\"without_llm\":2.0}}",
                    "{\"line\":6,\"database\":\"demo\",\"question\":\"How many Slack users work in each department?\","
                            + "\"gold_sql\":\"" + questions.get(2).goldSql() + "\",\"status\":\"generated\","
                            + "\"generated_sql\":\"" + questions.get(2).goldSql() + "\",\"match\":true,\"error\":null,"
                            + "\"retrieved_tables\":" + tables3 + ",\"gold_tables\":[\"main.slack_users\"],\"retrieval_hit\":true,"
                            + "\"attempts\":2,\"repairs\":1,\"tokens\":{\"input\":200,\"output\":40},"
                            + "\"latency_ms\":{\"total\":5.0,\"without_llm\":3.0}}");
            assertThat(report.summary()).contains("execution accuracy   66.7% (2 of 3; 3 generated)",
                    "retrieval recall     100.0% (3 of 3)", "attempts / repairs   4 / 1", "tokens in / out      400 / 80");
        }
    }

    @Test
    void withoutAModel_recallIsMeasured_andAccuracyIsNot() {
        LlmProviders none = LlmProviders.create(LlmSettings.read(ConfigLoader.parse("l.yaml", "llm:\n  provider: none\n", Map.of()).llm()));
        List<QuestionResult> results = new ArrayList<>();
        EvalReport report = new Evaluation(pipeline(), none.forCall(null), demo, new TickingClock())
                .run(QuestionSet.demo(), results::add);
        assertThat(report.accuracyMeasured()).isFalse();
        assertThat(report.accuracy()).isNaN();
        assertThat(report.retrievalRecall()).isEqualTo(1.0);
        assertThat(report.inputTokens()).isZero();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.match()).isNull();
            assertThat(r.status()).isEqualTo("no_model");
            assertThat(r.generatedSql()).isNull();
        });
        assertThat(report.summary()).contains("execution accuracy   not measured (no model: provider none)",
                "retrieval recall     100.0% (30 of 30)");
    }

    private static String json(String s) {
        return dev.sluice.mcp.Json.text(dev.sluice.mcp.Json.MAPPER.getNodeFactory().textNode(s));
    }

    /**
     * The bundled embedder remembers question vectors, so whichever of retrieval probe and pipeline
     * asks first pays for the embedding: the pipeline must, as a server's first ask of a question does.
     * This one takes 10 ms of the clock per text it has not seen.
     */
    @Test
    void latency_includesEmbeddingTheQuestion_thoughTheRetrievalProbeAsksForTheSameRetrieval() {
        Instant[] now = {Instant.EPOCH};
        Clock clock = new UtcTestClock() {
            @Override
            public Instant instant() {
                return now[0];
            }
        };
        Map<String, float[]> seen = new java.util.HashMap<>();
        TextEmbedder remembering = new TextEmbedder() {
            @Override
            public float[] embed(String text) {
                return seen.computeIfAbsent(text, t -> {
                    now[0] = now[0].plusMillis(10);
                    return vector(t);
                }).clone();
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(EvaluationTest::vector).toList();
            }
        };
        // a schema budget too small for the whole demo lake, so retrieval ranks tables and embeds the question
        TextToSqlSettings settings = new TextToSqlSettings(2, 3, 500, 2_000, 3, 1024, Duration.ofMinutes(10), true, false);
        LlmProviders none = LlmProviders.create(LlmSettings.read(ConfigLoader.parse("l.yaml", "llm:\n  provider: none\n", Map.of()).llm()));
        List<QuestionResult> results = new ArrayList<>();
        new Evaluation(new TextToSql(Clock.systemUTC(), VerifiedExamples.none(), settings, remembering), none.forCall(null), demo, clock)
                .run(QuestionSet.demo().subList(0, 3), results::add);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.retrievedTables()).hasSize(3);
            assertThat(r.latencyWithoutLlm()).isGreaterThanOrEqualTo(Duration.ofMillis(10));
        });
    }

    private static float[] vector(String text) {
        float[] v = {text.length() % 7 + 1f, text.hashCode() % 5, 1f};
        float norm = (float) Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new float[] {v[0] / norm, v[1] / norm, v[2] / norm};
    }

    @Test
    void aDatabaseNamedInMixedCase_isTheRetrievalHint_soOnlyItsSchemaIsRetrieved(@TempDir Path dir) throws Exception {
        LlmProviders none = LlmProviders.create(LlmSettings.read(ConfigLoader.parse("l.yaml", "llm:\n  provider: none\n", Map.of()).llm()));
        try (Sources lake = MixedCaseLake.open(dir)) {
            List<QuestionResult> results = new ArrayList<>();
            new Evaluation(pipeline(), none.forCall(null), lake.get("lake").orElseThrow(), new TickingClock())
                    .run(List.of(new EvalQuestion(2, MixedCaseLake.DATABASE, "How many documents do we have?",
                            "SELECT count(*) FROM `Documents`")), results::add);
            assertThat(results.getFirst().retrievedTables()).containsExactly("cre_doc_template_mgt.documents");
            assertThat(results.getFirst().goldTables()).containsExactly("cre_doc_template_mgt.documents");
            assertThat(results.getFirst().retrievalHit()).isTrue();
        }
    }
}
