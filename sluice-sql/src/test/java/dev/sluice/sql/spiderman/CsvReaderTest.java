package dev.sluice.sql.spiderman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void parse_handlesQuotedCommasQuotesAndNewlines() {
        String text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"line1\nline2\",\n";
        assertThat(CsvReader.parse(text, null)).containsExactly(
                List.of("a", "b", "c"),
                List.of("1", "x, y", "say \"hi\""),
                List.of("2", "line1\nline2", ""));
    }

    @Test
    void parse_readsUnquotedNullTokenAsNull_butKeepsQuotedOneAsText() {
        assertThat(CsvReader.parse("NULL,\"NULL\",,\"\"\n", "NULL"))
                .containsExactly(Arrays.asList(null, "NULL", "", ""));
    }

    @Test
    void parse_lastRecordWithoutNewline_andNonAscii() {
        assertThat(CsvReader.parse("Antal Doráti,東京", null)).containsExactly(List.of("Antal Doráti", "東京"));
    }

    @Test
    void parse_rejectsUnterminatedQuote() {
        assertThatThrownBy(() -> CsvReader.parse("a,\"oops\n", null))
                .hasMessageContaining("unterminated quoted field starting on line 1");
    }
}
