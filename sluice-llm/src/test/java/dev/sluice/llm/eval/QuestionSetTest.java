package dev.sluice.llm.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionSetTest {
    @Test
    void demo_isTheBundledSet() {
        List<EvalQuestion> demo = QuestionSet.load("demo");
        assertThat(demo).hasSize(30);
        assertThat(demo.getFirst()).isEqualTo(new EvalQuestion(2, "demo", "When is the first release deadline?",
                "SELECT event_time, text FROM main.slack_messages WHERE channel_name = 'release' AND text LIKE '%10月20日%' "
                        + "ORDER BY event_time LIMIT 1"));
    }

    @Test
    void rows_keepTheLineTheyStartOn_acrossMultiLineFields() {
        List<EvalQuestion> qs = QuestionSet.parse("q.csv", "database,question,sql\nd,\"two\nlines\",SELECT 1\n\nd,q2,\"SELECT\n2\"\nd,q3,SELECT 3\n");
        assertThat(qs).extracting(EvalQuestion::line).containsExactly(2L, 5L, 7L);
        assertThat(qs.get(0).question()).isEqualTo("two\nlines");
    }

    @Test
    void rowWithTooFewFields_failsWithItsLine() {
        assertThatThrownBy(() -> QuestionSet.parse("q.csv", "database,question,sql\nd,q1,SELECT 1\nd,q2\n"))
                .hasMessage("q.csv:3: expected 3 fields (database,question,sql), got 2; quote fields that contain commas");
    }

    @Test
    void emptyField_failsWithItsLineAndName() {
        assertThatThrownBy(() -> QuestionSet.parse("q.csv", "database,question,sql\nd,,SELECT 1\n"))
                .hasMessage("q.csv:2: the question field is empty");
    }

    @Test
    void wrongHeader_fails() {
        assertThatThrownBy(() -> QuestionSet.parse("q.csv", "db,q,sql\nd,q,SELECT 1\n"))
                .hasMessage("q.csv:1: the header must be database,question,sql, got db,q,sql");
    }

    @Test
    void unterminatedQuote_failsNamingTheFile() {
        assertThatThrownBy(() -> QuestionSet.parse("q.csv", "database,question,sql\nd,\"open,SELECT 1\n"))
                .hasMessage("q.csv: unterminated quoted field starting on line 2");
    }

    @Test
    void missingFile_saysWhatToGive(@TempDir Path dir) {
        assertThatThrownBy(() -> QuestionSet.load(dir.resolve("nope.csv").toString()))
                .hasMessageStartingWith("question file not found: ").hasMessageEndingWith("nope.csv (give a CSV with the header "
                        + "database,question,sql, or 'demo' for the bundled set)");
    }

    @Test
    void headerOnly_fails(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("q.csv"), "database,question,sql\n");
        assertThatThrownBy(() -> QuestionSet.load(f.toString())).hasMessage(f + ": no questions after the header");
    }
}
