package dev.sluice.llm.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClarifyingQuestionTest {
    @Test
    void strictForm_givesTheQuestionAndItsOptions() {
        ClarifyingQuestion q = ClarifyingQuestion.in("CLARIFY: Which revenue do you mean?\nOPTION: gross revenue\nOPTION: net revenue").orElseThrow();
        assertThat(q.question()).isEqualTo("Which revenue do you mean?");
        assertThat(q.options()).containsExactly("gross revenue", "net revenue");
        assertThat(q.describe()).isEqualTo("Which revenue do you mean? (options: gross revenue; net revenue)");
    }

    @Test
    void markdownAroundTheMarker_andLowerCase_areTolerated() {
        ClarifyingQuestion q = ClarifyingQuestion.in("Sure.\n**CLARIFY:** Which period?\n- option: this year\n- Option: last year\n").orElseThrow();
        assertThat(q.question()).isEqualTo("Which period?");
        assertThat(q.options()).containsExactly("this year", "last year");
        assertThat(ClarifyingQuestion.in("clarify: which region?").orElseThrow().question()).isEqualTo("which region?");
    }

    @Test
    void answersWithoutTheMarker_areNoClarification() {
        assertThat(ClarifyingQuestion.in("Which country do you mean?")).isEmpty();
        assertThat(ClarifyingQuestion.in("```sql\nSELECT 1\n```")).isEmpty();
        assertThat(ClarifyingQuestion.in("We could clarify: nothing here")).isEmpty();
    }

    @Test
    void emptyQuestion_isBlank_andAQuestionOnTheNextLineIsTaken() {
        assertThat(ClarifyingQuestion.in("CLARIFY:").orElseThrow().blank()).isTrue();
        assertThat(ClarifyingQuestion.in("CLARIFY:   \n\nOPTION: a\nOPTION: b").orElseThrow().blank()).isTrue();
        assertThat(ClarifyingQuestion.in("CLARIFY:\nWhich year?").orElseThrow().question()).isEqualTo("Which year?");
    }

    @Test
    void isBounded_questionOptionsAndTheirCount_andASingleOrRepeatedOptionIsDropped() {
        String many = String.join("\n", List.of("OPTION: a", "OPTION: b", "OPTION: a", "OPTION:  ", "OPTION: c", "OPTION: d", "OPTION: e",
                "OPTION: f", "OPTION: " + "x".repeat(500)));
        ClarifyingQuestion q = ClarifyingQuestion.in("CLARIFY: " + "why ".repeat(200) + "\n" + many).orElseThrow();
        assertThat(q.question()).hasSizeLessThanOrEqualTo(ClarifyingQuestion.MAX_QUESTION + 1).endsWith("…");
        assertThat(q.options()).containsExactly("a", "b", "c", "d", "e");
        assertThat(ClarifyingQuestion.in("CLARIFY: Which?\nOPTION: " + "y".repeat(300) + "\nOPTION: z").orElseThrow().options().getFirst())
                .hasSize(ClarifyingQuestion.MAX_OPTION + 1);
        assertThat(ClarifyingQuestion.in("CLARIFY: Which?\nOPTION: only one").orElseThrow().options()).isEmpty();
    }

    @Test
    void elicitationMessage_isJapaneseForAJapaneseQuestion_andEnglishOtherwise() {
        ClarifyingQuestion asked = new ClarifyingQuestion("総額ですか、返品を除いた額ですか？", List.of());
        assertThat(ElicitingClarifier.message("先月の売上はいくらですか？", asked))
                .isEqualTo("「先月の売上はいくらですか？」にお答えするため、1点確認させてください: 総額ですか、返品を除いた額ですか？");
        assertThat(ElicitingClarifier.message("What was our revenue?", new ClarifyingQuestion("Gross or net?", List.of())))
                .isEqualTo("To answer \"What was our revenue?\" one thing needs clarifying: Gross or net?");
    }
}
