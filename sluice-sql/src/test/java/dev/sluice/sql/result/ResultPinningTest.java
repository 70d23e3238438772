package dev.sluice.sql.result;

import static dev.sluice.sql.result.ResultTestSupport.COLUMNS;
import static dev.sluice.sql.result.ResultTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultPinningTest {
    @TempDir
    Path tmp;

    private StoredResult spilledResult(AtomicLong disk) {
        RowStorage storage = new RowStorage(new MemoryBudget(1 << 20), 0, tmp, "r.rows", disk);
        StoredResult result = new StoredResult("r", "lake", "alice", COLUMNS, Instant.EPOCH, 1L << 30, storage);
        RowEncoder encoder = new RowEncoder();
        for (int i = 0; i < 100; i++) {
            encoder.encode(row(i));
            assertThat(result.append(encoder.buffer(), encoder.length())).isTrue();
        }
        return result;
    }

    @Test
    void resultDiscardedWhileAPageIsBeingRead_keepsItsFileUntilTheReaderUnpins() {
        AtomicLong disk = new AtomicLong();
        StoredResult result = spilledResult(disk);
        result.finishAndPin();
        Path file = tmp.resolve("r.rows");
        assertThat(file).exists();

        result.discard();
        assertThat(file).as("a reader still holds it").exists();
        assertThat(result.pin()).as("no new readers once discarded").isFalse();

        result.unpin();
        assertThat(file).doesNotExist();
        assertThat(disk.get()).isZero();
    }

    @Test
    void spillFiles_areReadableByTheOwnerOnly() throws Exception {
        StoredResult result = spilledResult(new AtomicLong());
        Path file = tmp.resolve("r.rows");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        result.discard();
        assertThat(file).doesNotExist();
    }
}
