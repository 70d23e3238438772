package dev.sluice.llm.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.config.ConfigNode;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.guard.GuardVerdict;
import dev.sluice.sql.guard.SqlGuard;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.spiderman.CsvReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The question set shipped for the demo lake: every gold query passes the guard and answers with rows. */
class DemoQuestionSetTest {
    private static Sources sources;

    @BeforeAll
    static void openDemo() {
        sources = Sources.open(Sources.validate(ConfigNode.empty("sources"), SourceKinds.builtIn()));
    }

    @AfterAll
    static void close() {
        sources.close();
    }

    static List<List<String>> questions() throws IOException {
        try (InputStream in = DemoQuestionSetTest.class.getResourceAsStream("/eval/demo-questions.csv")) {
            assertThat(in).as("eval/demo-questions.csv on the classpath").isNotNull();
            return CsvReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        }
    }

    @Test
    void everyGoldQuery_isAllowedAndReturnsRows_onTheDemoLake() throws IOException {
        List<List<String>> rows = questions();
        assertThat(rows.get(0)).containsExactly("database", "question", "sql");
        List<List<String>> items = rows.subList(1, rows.size());
        assertThat(items).hasSizeGreaterThanOrEqualTo(30);
        Source demo = sources.defaultSource();
        for (List<String> item : items) {
            assertThat(item).as("row %s", item).hasSize(3);
            assertThat(item.get(0)).isEqualTo("demo");
            GuardVerdict verdict = SqlGuard.forDialect(demo.dialect()).check(item.get(2));
            assertThat(verdict.allowed()).as("%s: %s", item.get(2), verdict.message()).isTrue();
            try (QueryCursor cursor = demo.execute(item.get(2), List.of(), Duration.ofSeconds(30), new Cancellation())) {
                JsonNode[] first = cursor.next();
                assertThat(first).as("rows for: %s", item.get(1)).isNotNull();
                for (JsonNode value : first) {
                    assertThat(value.isNull()).as("first row of %s has no NULLs", item.get(1)).isFalse();
                }
            }
        }
    }

    @Test
    void questionSet_coversJapaneseQuestions() throws IOException {
        long japanese = questions().stream().skip(1).filter(q -> q.get(1).codePoints().anyMatch(c -> c >= 0x3040 && c <= 0x9FFF)).count();
        assertThat(japanese).isGreaterThanOrEqualTo(5);
    }
}
