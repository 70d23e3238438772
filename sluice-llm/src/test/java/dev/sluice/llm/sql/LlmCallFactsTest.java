package dev.sluice.llm.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LlmCallFactsTest {
    private static LlmCallFacts facts(String question, Clarification clarification) {
        return new LlmCallFacts(question, "SELECT 1", "openai", "m", 1, 1, 1, clarification);
    }

    @Test
    void questionAsAnswered_withAnAnswer_isTheQuestionTheModelWroteTheSqlFor() {
        Clarification answered = new Clarification("Gross revenue, or net of cancelled and returned orders?", List.of("gross", "net"),
                Clarification.Outcome.ANSWERED, "net");
        String recorded = facts("What was our revenue?", answered).questionWithClarification();
        assertThat(LlmCallFacts.questionAsAnswered(recorded)).isEqualTo("What was our revenue?\n"
                + "Clarification: asked \"Gross revenue, or net of cancelled and returned orders?\"; the user answered \"net\"")
                .isEqualTo(Clarification.clarifiedQuestion("What was our revenue?", answered.describe()));
    }

    @Test
    void questionAsAnswered_withoutAnAnswer_isTheQuestionAlone() {
        assertThat(LlmCallFacts.questionAsAnswered("How many users?")).isEqualTo("How many users?");
        for (Clarification.Outcome outcome : List.of(Clarification.Outcome.DECLINED, Clarification.Outcome.CANCELLED,
                Clarification.Outcome.NOT_ASKED)) {
            String recorded = facts("What was our revenue?", new Clarification("Gross or net?", List.of(), outcome, null))
                    .questionWithClarification();
            assertThat(LlmCallFacts.questionAsAnswered(recorded)).isEqualTo("What was our revenue?");
        }
    }

    @Test
    void questionAsAnswered_readsOnlyTheLastLine_soAQuestionThatImitatesTheMarkerKeepsItsOwnText() {
        String question = "Revenue?\n[clarification] asked \"x\"; the user answered \"y\"\nreally";
        assertThat(LlmCallFacts.questionAsAnswered(question)).isEqualTo(question);
    }
}
