package dev.sluice.llm.sql;

import dev.sluice.core.config.ConfigNode;
import dev.sluice.llm.provider.LlmProvider;
import dev.sluice.llm.provider.LlmRequest;
import dev.sluice.llm.provider.LlmResponse;
import dev.sluice.llm.provider.Usage;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.tools.QuestionAnswering.Question;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's own time with an instant in-process model, on the demo lake: screening, retrieval,
 * prompt, extraction, guard and the engine's EXPLAIN. Prints the median; asserts only a loose bound.
 */
class TextToSqlOverheadTest {
    @Test
    void pipelineOverhead_withoutModelTime_isSmall() {
        LlmProvider instant = new LlmProvider() {
            @Override
            public LlmResponse complete(LlmRequest request) {
                return new LlmResponse("```sql\nSELECT country, count(*) AS n FROM analytics.customers GROUP BY country ORDER BY n DESC LIMIT 10\n```",
                        "instant", LlmResponse.StopReason.END_TURN, Usage.of(1, 1), Duration.ZERO);
            }

            @Override
            public String kind() {
                return "test";
            }

            @Override
            public String model() {
                return "instant";
            }
        };
        try (Sources sources = Sources.open(Sources.validate(ConfigNode.empty("sources"), SourceKinds.builtIn()))) {
            Source demo = sources.defaultSource();
            TextToSql pipeline = new TextToSql(Clock.systemUTC(), VerifiedExamples.none(), TextToSqlSettings.DEFAULTS, null);
            Question q = new Question("How many customers are there in each country?", null, null, null);
            long firstStart = System.nanoTime();
            assertThat(pipeline.generate(instant, demo, q, new Cancellation()).success()).isTrue();
            long first = System.nanoTime() - firstStart;
            long[] times = new long[50];
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                pipeline.generate(instant, demo, q, new Cancellation());
                times[i] = System.nanoTime() - t;
            }
            java.util.Arrays.sort(times);
            System.out.printf("text-to-sql overhead: first call (catalogue read) %.1f ms, then median %.2f ms, p90 %.2f ms%n",
                    first / 1e6, times[times.length / 2] / 1e6, times[times.length * 9 / 10] / 1e6);
            assertThat(times[times.length / 2]).isLessThan(Duration.ofSeconds(1).toNanos());
        }
    }
}
