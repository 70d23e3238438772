package dev.sluice.llm.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedExamplesTest {
    @TempDir
    Path dir;

    @Test
    void load_readsCsvWithQuotedFields_andTopPicksTheMostSimilarForTheSource() throws Exception {
        Path file = dir.resolve("examples.csv");
        Files.writeString(file, """
                source,question,sql
                demo,How many customers are there per country?,"SELECT country, count(*) FROM analytics.customers GROUP BY country;"
                demo,Which products are the most expensive?,"SELECT name, price FROM analytics.products ORDER BY price DESC LIMIT 10"
                *,How many orders per month?,"SELECT date_trunc('month', ordered_at) AS m, count(*) FROM analytics.orders GROUP BY m"
                lake,How many customers per country in the lake?,SELECT 1
                demo,最初のリリースの締め切りはいつですか？,"SELECT text FROM main.slack_messages WHERE channel_name = 'release' LIMIT 1"
                """);
        VerifiedExamples examples = VerifiedExamples.load(file);
        assertThat(examples.size()).isEqualTo(5);

        assertThat(examples.top("demo", "customers by country", 3)).extracting(VerifiedExample::sql)
                .containsExactly("SELECT country, count(*) FROM analytics.customers GROUP BY country");
        assertThat(examples.top("demo", "How many orders and customers per month?", 3)).extracting(VerifiedExample::question)
                .first().isEqualTo("How many orders per month?");
        assertThat(examples.top("demo", "リリースの締め切りは？", 3)).extracting(VerifiedExample::source).containsExactly("demo");
        assertThat(examples.top("demo", "weather tomorrow", 3)).isEmpty();
        assertThat(examples.top("demo", "how many customers orders products country month expensive", 2)).hasSize(2);
    }

    @Test
    void load_failsWithTheFileAndRecord_whenMalformed() throws Exception {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> VerifiedExamples.load(missing)).hasMessageContaining("nope.csv: verified examples file does not exist");
        Path noHeader = dir.resolve("h.csv");
        Files.writeString(noHeader, "q,sql\nx,y\n");
        assertThatThrownBy(() -> VerifiedExamples.load(noHeader)).hasMessageContaining("header source,question,sql");
        Path twoFields = dir.resolve("t.csv");
        Files.writeString(twoFields, "source,question,sql\ndemo,How many, customers?,SELECT 1\n");
        assertThatThrownBy(() -> VerifiedExamples.load(twoFields)).hasMessageContaining("record 2: expected 3 fields")
                .hasMessageContaining("quote fields");
    }
}
