package dev.sluice.llm.sql;

import dev.sluice.mcp.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

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

    @Test
    void load_refusesInvalidUtf8_andAnUnterminatedQuote_namingTheFile() throws Exception {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "source,question,sql\ndemo,caf\u00e9?,SELECT 1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> VerifiedExamples.load(latin1)).hasMessage(latin1 + ": verified examples must be UTF-8 text; save the file as UTF-8");
        Path open = dir.resolve("open.csv");
        Files.writeString(open, "source,question,sql\ndemo,\"never closed,SELECT 1\n");
        assertThatThrownBy(() -> VerifiedExamples.load(open)).hasMessage(open + ": unterminated quoted field starting on line 2");
    }

    @Test
    void watch_usesAChangedFileWithinASecond_andKeepsTheLastGoodExamplesWhenItBreaks() throws Exception {
        Path file = dir.resolve("examples.csv");
        Files.writeString(file, "source,question,sql\ndemo,How many customers per country?,SELECT country FROM analytics.customers\n");
        FakeClock clock = new FakeClock(Instant.parse("2026-06-01T09:00:00Z"));
        VerifiedExamples examples = VerifiedExamples.watch(file, clock);
        assertThat(examples.top("demo", "most expensive products", 3)).isEmpty();

        rewrite(file, "source,question,sql\ndemo,How many customers per country?,SELECT country FROM analytics.customers\n"
                + "demo,Which products are the most expensive?,\"SELECT name, price FROM analytics.products ORDER BY price DESC\"\n", 10);
        assertThat(examples.top("demo", "most expensive products", 3)).as("looked less than a second ago").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(examples.top("demo", "most expensive products", 3)).extracting(VerifiedExample::sql)
                .containsExactly("SELECT name, price FROM analytics.products ORDER BY price DESC");
        assertThat(examples.size()).isEqualTo(2);

        // an editor saving half a file: a record with a comma left unquoted
        rewrite(file, "source,question,sql\ndemo,Which products are the most expensive?,SELECT name, price FROM analytics.products\n", 20);
        clock.advance(Duration.ofSeconds(1));
        assertThat(examples.size()).as("the last good examples stay").isEqualTo(2);
        assertThat(examples.top("demo", "most expensive products", 3)).hasSize(1);

        rewrite(file, "source,question,sql\n*,How many orders per month?,SELECT 1\n", 30);
        clock.advance(Duration.ofSeconds(1));
        assertThat(examples.size()).isEqualTo(1);
        assertThat(examples.top("lake", "orders per month", 3)).extracting(VerifiedExample::question).containsExactly("How many orders per month?");

        Files.delete(file);
        clock.advance(Duration.ofSeconds(1));
        assertThat(examples.size()).as("no file, no examples").isZero();
    }

    @Test
    void watch_startsWithoutExamples_whenTheFileIsNotThereYet_andUsesItOnceCreated() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2026-06-01T09:00:00Z"));
        Path file = dir.resolve("later.csv");
        VerifiedExamples examples = VerifiedExamples.watch(file, clock);
        assertThat(examples.size()).isZero();
        new ExamplesFile(file).append(new VerifiedExample("demo", "How many users?", "SELECT count(*) FROM main.slack_users"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(examples.top("demo", "users", 3)).extracting(VerifiedExample::question).containsExactly("How many users?");
    }

    @Test
    void watch_failsAtStart_whenTheFileIsMalformed() throws Exception {
        FakeClock clock = new FakeClock(Instant.parse("2026-06-01T09:00:00Z"));
        Path bad = Files.writeString(dir.resolve("bad.csv"), "question,sql\n");
        assertThatThrownBy(() -> VerifiedExamples.watch(bad, clock)).hasMessageContaining("header source,question,sql");
    }

    /** Rewrites {@code file} with a modification time {@code seconds} later than the first, as a later save would. */
    private static void rewrite(Path file, String text, int seconds) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-06-01T09:00:00Z").plusSeconds(seconds)));
    }
}
