package dev.sluice.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static dev.sluice.audit.AuditRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {
    @TempDir
    Path dir;

    @Test
    void schedule_purgesAtOnceAndKeepsRunningAfterFailures() throws Exception {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (AuditLog log = SqliteAuditStore.open(dir.resolve("r.db"), SyncMode.NORMAL, Redaction.defaults(), clock)) {
            log.append(AuditRecords.minimal(T0.minus(Duration.ofDays(10)), "p", "t", AuditStatus.OK));
            log.append(AuditRecords.minimal(T0, "p", "t", AuditStatus.OK));
            CountDownLatch purged = new CountDownLatch(1);
            Retention retention = new Retention(log, Duration.ofDays(7), clock);
            assertThat(retention.cutoff()).isEqualTo(T0.minus(Duration.ofDays(7)));

            var future = retention.schedule(scheduler, Duration.ofHours(1), e -> { });
            scheduler.schedule(purged::countDown, 0, TimeUnit.MILLISECONDS); // runs after the first purge (one thread)
            assertThat(purged.await(30, TimeUnit.SECONDS)).isTrue();
            future.cancel(false);

            assertThat(log.search(AuditQuery.all())).hasSize(1);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
