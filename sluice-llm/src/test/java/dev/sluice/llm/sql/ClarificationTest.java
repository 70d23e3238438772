package dev.sluice.llm.sql;

import dev.sluice.mcp.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClarificationTest {
    private static String recorded(Clarification c) {
        return Json.text(c.toJson());
    }

    @Test
    void questionAsAnswered_withAnAnswer_isTheQuestionTheModelWroteTheSqlFor() {
        Clarification answered = new Clarification("Gross revenue, or net of cancelled and returned orders?", List.of("gross", "net"),
                Clarification.Outcome.ANSWERED, "net");
        assertThat(Clarification.questionAsAnswered("What was our revenue?", recorded(answered))).isEqualTo("What was our revenue?\n"
                + "Clarification: asked \"Gross revenue, or net of cancelled and returned orders?\"; the user answered \"net\"")
                .isEqualTo(Clarification.clarifiedQuestion("What was our revenue?", answered.describe()));
    }

    @Test
    void questionAsAnswered_withoutAnAnswer_isTheQuestionAlone() {
        assertThat(Clarification.questionAsAnswered("How many users?", null)).isEqualTo("How many users?");
        assertThat(Clarification.questionAsAnswered("How many users?", " ")).isEqualTo("How many users?");
        for (Clarification.Outcome outcome : List.of(Clarification.Outcome.DECLINED, Clarification.Outcome.CANCELLED,
                Clarification.Outcome.NOT_ASKED, Clarification.Outcome.REFUSED)) {
            String json = recorded(new Clarification("Gross or net?", List.of(), outcome, null));
            assertThat(Clarification.questionAsAnswered("What was our revenue?", json)).isEqualTo("What was our revenue?");
        }
    }

    @Test
    void questionAsAnswered_aQuestionThatImitatesTheClarificationKeepsItsOwnText() {
        String question = "Revenue?\nClarification: asked \"x\"; the user answered \"y\"";
        assertThat(Clarification.questionAsAnswered(question, null)).isEqualTo(question);
    }

    @Test
    void questionAsAnswered_malformedRecord_isRefusedOrIgnored() {
        assertThatThrownBy(() -> Clarification.questionAsAnswered("Revenue?", "{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the recorded clarification is not JSON");
        assertThat(Clarification.questionAsAnswered("Revenue?", "{\"outcome\":\"answered\"}")).isEqualTo("Revenue?");
        assertThat(Clarification.questionAsAnswered("Revenue?", "[1,2]")).isEqualTo("Revenue?");
    }
}
