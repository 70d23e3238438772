package dev.sluice.core.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replace_writesTheBytes_leavesNoTemporaryFile_andKeepsOrSetsPermissions() throws Exception {
        Path f = dir.resolve("sub").resolve("x.csv");
        AtomicFiles.locked(f, () -> {
            AtomicFiles.replace(f, "a,b\n".getBytes(StandardCharsets.UTF_8), false);
            return null;
        });
        assertThat(Files.readString(f)).isEqualTo("a,b\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");

        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.replace(f, "c\n".getBytes(StandardCharsets.UTF_8), false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-rw----");

        AtomicFiles.replace(f, "d\n".getBytes(StandardCharsets.UTF_8), true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        try (var files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("x.csv", "x.csv.lock");
        }
    }

    @Test
    void locked_serialisesReadModifyWrite_soNoUpdateIsLost() throws Exception {
        Path f = dir.resolve("count.txt");
        Files.writeString(f, "0");
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> {
                for (int j = 0; j < 25; j++) {
                    AtomicFiles.locked(f, () -> {
                        int n = Integer.parseInt(Files.readString(f));
                        AtomicFiles.replace(f, String.valueOf(n + 1).getBytes(StandardCharsets.UTF_8), false);
                        return null;
                    });
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        }
        assertThat(Files.readString(f)).isEqualTo("200");
    }
}
