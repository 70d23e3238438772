package dev.sluice.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child process of {@link CrashDurabilityTest}: appends records from several threads forever
 * and prints each id on stdout only after {@link AuditLog#append} returned. Args: store file,
 * number of threads.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        AuditLog log = SqliteAuditStore.open(file, SyncMode.NORMAL, Redaction.defaults(), Clock.systemUTC());
        AuditIds ids = AuditIds.create();
        AtomicLong n = new AtomicLong();
        System.out.println("READY");
        System.out.flush();
        for (int t = 0; t < threads; t++) {
            Thread.ofPlatform().start(() -> {
                while (true) {
                    java.time.Instant now = java.time.Instant.now();
                    AuditRecord r = AuditRecord.builder(ids.next(now), now, AuditKind.TOOL_CALL)
                            .principal("crash").tool("execute_query").arguments("{\"n\":" + n.incrementAndGet() + "}")
                            .finalSql("select 1").status(AuditStatus.OK).build();
                    log.append(r);
                    synchronized (System.out) {
                        System.out.println(r.id());
                        System.out.flush();
                    }
                }
            });
        }
        Thread.currentThread().join(); // until killed
    }
}
