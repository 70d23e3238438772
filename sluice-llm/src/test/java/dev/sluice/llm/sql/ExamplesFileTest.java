package dev.sluice.llm.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExamplesFileTest {
    @TempDir
    Path dir;

    @Test
    void append_createsTheFileWithTheHeader_andDropsATrailingSemicolon() throws Exception {
        ExamplesFile file = new ExamplesFile(dir.resolve("new").resolve("examples.csv"));
        assertThat(file.list()).isEmpty();
        assertThat(file.append(new VerifiedExample("demo", " How many users? ", "SELECT count(*) FROM main.slack_users;"))).isEqualTo(1);
        assertThat(Files.readString(file.file())).isEqualTo("source,question,sql\ndemo,How many users?,SELECT count(*) FROM main.slack_users\n");
    }

    @Test
    void append_toAnEmptyFile_writesTheHeaderFirst() throws Exception {
        Path path = Files.createFile(dir.resolve("examples.csv"));
        new ExamplesFile(path).append(new VerifiedExample("*", "q", "SELECT 1"));
        assertThat(Files.readString(path)).isEqualTo("source,question,sql\n*,q,SELECT 1\n");
    }

    @Test
    void append_quotesCommasQuotesLineBreaksAndKeepsJapanese_soTheServerReadsItBackExactly() throws Exception {
        ExamplesFile file = new ExamplesFile(dir.resolve("examples.csv"));
        VerifiedExample hostile = new VerifiedExample("demo", "Who said \"ship it\", and when?\nOnly in #release",
                "SELECT user_name, event_time\nFROM main.slack_messages\nWHERE text LIKE '%\"ship it\"%'");
        VerifiedExample japanese = new VerifiedExample("demo", "最初のリリースの締め切りはいつですか？",
                "SELECT text FROM main.slack_messages WHERE channel_name = 'release' LIMIT 1");
        file.append(hostile);
        file.append(japanese);
        assertThat(Files.readString(file.file())).isEqualTo("""
                source,question,sql
                demo,"Who said ""ship it"", and when?
                Only in #release","SELECT user_name, event_time
                FROM main.slack_messages
                WHERE text LIKE '%""ship it""%'"
                demo,最初のリリースの締め切りはいつですか？,SELECT text FROM main.slack_messages WHERE channel_name = 'release' LIMIT 1
                """);
        assertThat(VerifiedExamples.read(file.file())).containsExactly(hostile, japanese);
        assertThat(file.list()).containsExactly(hostile, japanese);
    }

    @Test
    void append_keepsEveryExistingByte_aBomCrlfAndAMissingFinalLineBreak() throws Exception {
        Path path = dir.resolve("examples.csv");
        byte[] before = ("\uFEFFsource,question,sql\r\n"
                + "demo,\"How many customers, per country?\",\"SELECT country, count(*) FROM analytics.customers GROUP BY country\"\r\n"
                + "\r\n"
                + "*,  spaced  question ,SELECT 1").getBytes(StandardCharsets.UTF_8);
        Files.write(path, before);
        new ExamplesFile(path).append(new VerifiedExample("demo", "Which products cost most?", "SELECT name FROM analytics.products"));
        byte[] after = Files.readAllBytes(path);
        assertThat(Arrays.copyOf(after, before.length)).isEqualTo(before);
        assertThat(new String(after, before.length, after.length - before.length, StandardCharsets.UTF_8))
                .isEqualTo("\r\ndemo,Which products cost most?,SELECT name FROM analytics.products\r\n");
        assertThat(VerifiedExamples.read(path)).hasSize(3);
    }

    @Test
    void append_refusesTheSameSourceAndQuestion_butForCaseAndSpacing_andLeavesTheFileAlone() throws Exception {
        Path path = Files.writeString(dir.resolve("examples.csv"), "source,question,sql\nDemo,How many users?,SELECT 1\n");
        ExamplesFile file = new ExamplesFile(path);
        assertThatThrownBy(() -> file.append(new VerifiedExample("demo", "how  many USERS?", "SELECT 2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(path + " already has an example for source Demo with this question; edit the file to change it");
        assertThat(file.append(new VerifiedExample("*", "How many users?", "SELECT 2"))).as("another source is another example").isEqualTo(2);
    }

    @Test
    void append_refusesAMalformedFile_andLeavesItAlone() throws Exception {
        Path path = Files.writeString(dir.resolve("examples.csv"), "source,question,sql\ndemo,two, commas,SELECT 1\n");
        assertThatThrownBy(() -> new ExamplesFile(path).append(new VerifiedExample("demo", "q", "SELECT 1")))
                .hasMessageContaining("record 2: expected 3 fields");
        assertThat(Files.readString(path)).isEqualTo("source,question,sql\ndemo,two, commas,SELECT 1\n");
        Path noHeader = Files.writeString(dir.resolve("other.csv"), "demo,q,SELECT 1\n");
        assertThatThrownBy(() -> new ExamplesFile(noHeader).append(new VerifiedExample("demo", "q2", "SELECT 1")))
                .hasMessageContaining("the first line must be the header source,question,sql");
    }

    @Test
    void concurrentAppends_loseNoExample() throws Exception {
        Path path = dir.resolve("examples.csv");
        List<Callable<Integer>> adds = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            // a fresh ExamplesFile per add, as separate `sluice examples add` runs would have
            adds.add(() -> new ExamplesFile(path).append(new VerifiedExample("demo", "question " + n, "SELECT " + n)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Integer> f : pool.invokeAll(adds)) {
                f.get();
            }
        }
        assertThat(VerifiedExamples.read(path)).hasSize(24).extracting(VerifiedExample::question).doesNotHaveDuplicates();
    }
}
