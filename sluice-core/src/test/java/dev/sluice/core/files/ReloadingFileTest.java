package dev.sluice.core.files;

import dev.sluice.mcp.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReloadingFileTest {
    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-05-01T00:00:00Z"));
    private int reads;

    /** Reads a number; anything else is an error naming the file. */
    private Integer parse(Path f) {
        reads++;
        try {
            String text = Files.readString(f).strip();
            if (!text.matches("\\d+")) {
                throw new IllegalArgumentException(f.getFileName() + ": not a number: " + text);
            }
            return Integer.valueOf(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(f.getFileName() + ": " + e.getClass().getSimpleName());
        }
    }

    /** Writes {@code text} with a later modification time, as a later edit would have. */
    private void write(Path f, String text, int secondsLater) throws Exception {
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-05-01T00:00:00Z").plusSeconds(secondsLater)));
    }

    @Test
    void get_readsOnFirstUse_andAgainOnlyWhenASecondHasPassedAndTheFileChanged() throws Exception {
        Path f = dir.resolve("n.txt");
        write(f, "1", 0);
        ReloadingFile<Integer> file = new ReloadingFile<>(f, clock, Duration.ofSeconds(1), this::parse, -1);
        assertThat(file.get()).isEqualTo(1);
        assertThat(reads).isEqualTo(1);

        write(f, "22", 10);
        assertThat(file.get()).as("checked less than a second ago").isEqualTo(1);
        clock.advance(Duration.ofMillis(1000));
        assertThat(file.get()).isEqualTo(22);
        clock.advance(Duration.ofSeconds(5));
        assertThat(file.get()).isEqualTo(22);
        assertThat(reads).as("an unchanged file is not read again").isEqualTo(2);
    }

    @Test
    void get_keepsTheLastGoodValue_whenTheFileBreaks_andLogsOnce() throws Exception {
        Path f = dir.resolve("n.txt");
        write(f, "7", 0);
        ReloadingFile<Integer> file = new ReloadingFile<>(f, clock, Duration.ofSeconds(1), this::parse, -1);
        assertThat(file.get()).isEqualTo(7);

        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ReloadingFile.class.getName());
        logger.addHandler(handler);
        try {
            write(f, "seven", 10);
            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(1));
                assertThat(file.get()).isEqualTo(7);
            }
            assertThat(logged).hasSize(1);
            assertThat(logged.getFirst().getMessage()).contains("n.txt changed but cannot be read", "last good version",
                    "n.txt: not a number: seven");
            assertThat(reads).as("a broken version is read once").isEqualTo(2);

            Files.delete(f);
            clock.advance(Duration.ofSeconds(1));
            assertThat(file.get()).as("a deleted file is a new version the reader refuses too").isEqualTo(7);
            clock.advance(Duration.ofSeconds(1));
            assertThat(file.get()).isEqualTo(7);
            assertThat(logged).hasSize(2);

            write(f, "8", 20);
            clock.advance(Duration.ofSeconds(1));
            assertThat(file.get()).isEqualTo(8);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void reload_readsNow_andThrowsWhatTheReaderThrows_evenForAVersionThatFailedBefore() throws Exception {
        Path f = dir.resolve("n.txt");
        ReloadingFile<Integer> file = new ReloadingFile<>(f, clock, Duration.ofSeconds(1), this::parse, -1);
        assertThatThrownBy(file::reload).hasMessage("n.txt: NoSuchFileException");
        assertThat(file.get()).as("initial until a read succeeds").isEqualTo(-1);
        write(f, "x", 0);
        assertThatThrownBy(file::reload).hasMessage("n.txt: not a number: x");
        assertThatThrownBy(file::reload).hasMessage("n.txt: not a number: x");
        write(f, "3", 5);
        assertThat(file.reload()).isEqualTo(3);
    }

    @Test
    void replaced_keepsTheWrittenValue_withoutReadingTheFileBack() throws Exception {
        Path f = dir.resolve("n.txt");
        write(f, "1", 0);
        ReloadingFile<Integer> file = new ReloadingFile<>(f, clock, Duration.ofSeconds(1), this::parse, -1);
        assertThat(file.get()).isEqualTo(1);
        write(f, "2", 10);
        file.replaced(2);
        clock.advance(Duration.ofSeconds(2));
        assertThat(file.get()).isEqualTo(2);
        assertThat(reads).isEqualTo(1);
    }
}
