package dev.sluice.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record whose append returned survives SIGKILL of the process: a child JVM appends from
 * several threads and prints each id after append returned; it is killed mid-load; every printed
 * id must be in the reopened store.
 */
class CrashDurabilityTest {
    private static final int IDS_BEFORE_KILL = 3_000;

    @TempDir
    Path dir;

    @Test
    void appendedRecords_surviveSigkillOfTheWriterProcess() throws Exception {
        Path file = dir.resolve("crash.db");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), file.toString(), "8")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> printed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");
            String line;
            while (printed.size() < IDS_BEFORE_KILL && (line = out.readLine()) != null) {
                printed.add(line);
            }
            // SIGKILL on Linux: no shutdown hooks, no close(). Through the handle, because
            // Process.destroyForcibly() also closes our end of the pipe, and the ids still in it count.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            while ((line = out.readLine()) != null) { // printed before the kill, still in the pipe
                if (line.length() == 36) {
                    printed.add(line);
                }
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(137);
        assertThat(printed).hasSizeGreaterThanOrEqualTo(IDS_BEFORE_KILL);

        try (AuditLog log = SqliteAuditStore.open(file, SyncMode.NORMAL, Redaction.defaults(), Clock.systemUTC())) {
            Set<String> stored = new HashSet<>();
            for (AuditRecord r : log.search(AuditQuery.all().unlimited())) {
                stored.add(r.id());
            }
            assertThat(stored).containsAll(printed);
        }
    }
}
