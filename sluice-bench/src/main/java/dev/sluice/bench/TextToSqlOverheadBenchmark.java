package dev.sluice.bench;

import dev.sluice.core.config.ConfigNode;
import dev.sluice.llm.provider.LlmProvider;
import dev.sluice.llm.provider.LlmRequest;
import dev.sluice.llm.provider.LlmResponse;
import dev.sluice.llm.provider.Usage;
import dev.sluice.llm.sql.TextToSql;
import dev.sluice.llm.sql.TextToSqlSettings;
import dev.sluice.llm.sql.VerifiedExamples;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.tools.QuestionAnswering.Question;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * The text-to-SQL pipeline's own time, with a model that answers instantly, on the demo lake:
 * screening, schema retrieval, prompt, extraction, the guard and the engine's EXPLAIN. What a
 * natural-language execute_query costs beyond the LLM and the query itself.
 * Run: {@code java -cp sluice-benchmarks.jar dev.sluice.bench.TextToSqlOverheadBenchmark [iterations]}.
 */
public final class TextToSqlOverheadBenchmark {
    private TextToSqlOverheadBenchmark() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        LlmProvider instant = new LlmProvider() {
            @Override
            public LlmResponse complete(LlmRequest request) {
                return new LlmResponse("```sql\nSELECT country, count(*) AS n FROM analytics.customers GROUP BY country ORDER BY n DESC LIMIT 10\n```",
                        "instant", LlmResponse.StopReason.END_TURN, Usage.of(1, 1), Duration.ZERO);
            }

            @Override
            public String kind() {
                return "instant";
            }

            @Override
            public String model() {
                return "instant";
            }
        };
        try (Sources sources = Sources.open(Sources.validate(ConfigNode.empty("sources"), SourceKinds.builtIn()))) {
            Source demo = sources.defaultSource();
            TextToSql pipeline = new TextToSql(Clock.systemUTC(), VerifiedExamples.none(), TextToSqlSettings.DEFAULTS, null);
            Question question = new Question("How many customers are there in each country?", null, null, null);
            long firstStart = System.nanoTime();
            if (!pipeline.generate(instant, demo, question, new Cancellation()).success()) {
                throw new IllegalStateException("the pipeline failed on the demo lake");
            }
            long first = System.nanoTime() - firstStart;
            long[] nanos = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long t = System.nanoTime();
                pipeline.generate(instant, demo, question, new Cancellation());
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("text-to-SQL pipeline without model time, demo lake, %d iterations: first call (catalogue read) %.1f ms, "
                            + "then p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n", iterations, first / 1e6, nanos[iterations / 2] / 1e6,
                    nanos[iterations * 9 / 10] / 1e6, nanos[iterations * 99 / 100] / 1e6);
        }
    }
}
