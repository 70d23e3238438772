package dev.sluice.sql.spiderman;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {
    @Test
    void field_quotesOnlyWhatMustBeQuoted() {
        assertThat(CsvWriter.field("plain text")).isEqualTo("plain text");
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("line1\nline2")).isEqualTo("\"line1\nline2\"");
        assertThat(CsvWriter.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(CsvWriter.field(" padded ")).isEqualTo("\" padded \"");
        assertThat(CsvWriter.field("")).isEmpty();
        assertThat(CsvWriter.field("最初のリリース、締め切り")).isEqualTo("最初のリリース、締め切り");
    }

    @Test
    void record_isReadBackExactly_byCsvReader() {
        List<String> hostile = List.of("a,b", "\"", "\"\"", "x\r\ny", "\n", " lead", "trail\t", "NULL", "東京,大阪", "'; DROP TABLE t; --");
        String text = CsvWriter.record(hostile, "\r\n") + CsvWriter.record(List.of("last", "one"), "\n");
        assertThat(CsvReader.parse(text, null)).containsExactly(hostile, List.of("last", "one"));
    }
}
