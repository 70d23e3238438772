package dev.sluice.llm.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.llm.provider.LlmRequest;
import dev.sluice.llm.provider.LlmResponse;
import dev.sluice.llm.provider.Usage;
import dev.sluice.llm.testing.StubProvider;
import dev.sluice.mcp.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultSummarizerTest {
    /** Records requests and answers with a fixed text. */
    private static final class Recording extends StubProvider {
        final List<LlmRequest> requests = new ArrayList<>();

        @Override
        public LlmResponse complete(LlmRequest request) {
            requests.add(request);
            return new LlmResponse("  Summary.  ", "m", LlmResponse.StopReason.END_TURN, Usage.of(5, 2), Duration.ZERO);
        }
    }

    private static ObjectNode page(int rows, int cellChars) {
        ObjectNode page = Json.object();
        page.putArray("columns").addObject().put("name", "text").put("type", "VARCHAR");
        ArrayNode r = page.putArray("rows");
        for (int i = 0; i < rows; i++) {
            r.addObject().put("text", "x".repeat(cellChars));
        }
        page.put("row_count", rows);
        page.put("next_token", "t");
        page.put("total_row_count", rows * 10);
        return page;
    }

    @Test
    void summaryPrompt_isBounded_inRowsCellsAndLength() {
        Recording llm = new Recording();
        ResultSummarizer.Summary s = ResultSummarizer.summarise(llm, "What do the messages say?", "SELECT text FROM t", page(500, 5_000));
        assertThat(s.produced()).isTrue();
        assertThat(s.text()).isEqualTo("Summary.");
        String user = llm.requests.getFirst().messages().getFirst().text();
        assertThat(user.length()).isLessThanOrEqualTo(ResultSummarizer.MAX_PROMPT_CHARS);
        assertThat(user).contains("Rows: 30 shown of 5000 or more").doesNotContain("x".repeat(ResultSummarizer.MAX_CELL_CHARS + 1));
        assertThat(llm.requests.getFirst().purpose()).isEqualTo("summary");
        assertThat(llm.requests.getFirst().system()).contains("Answer in the same language as the question.");
    }

    @Test
    void language_isDetectedFromTheQuestion() {
        assertThat(QuestionLanguage.of("最初のリリースの締め切りはいつですか？").japanese()).isTrue();
        assertThat(QuestionLanguage.of("東京").name()).isEqualTo("Chinese");
        assertThat(QuestionLanguage.of("매출 상위 고객").name()).isEqualTo("Korean");
        assertThat(QuestionLanguage.of("Combien de clients ?").name()).isNull();
        Recording llm = new Recording();
        ResultSummarizer.summarise(llm, "注文は何件？", null, page(1, 3));
        assertThat(llm.requests.getFirst().system()).contains("Answer in Japanese");
    }
}
