package dev.sluice.bench;

import dev.sluice.audit.AuditIds;
import dev.sluice.audit.AuditKind;
import dev.sluice.audit.AuditLog;
import dev.sluice.audit.AuditRecord;
import dev.sluice.audit.AuditStats;
import dev.sluice.audit.AuditStatus;
import dev.sluice.audit.GuardDecision;
import dev.sluice.audit.Redaction;
import dev.sluice.audit.SqliteAuditStore;
import dev.sluice.audit.SyncMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Sustained append throughput and latency of the SQLite audit store with 1, 4 and 16 concurrent
 * writers (virtual threads), each appending realistic tool-call records back to back: records/s,
 * p50/p99/max append latency, and records per commit (group commit). A plain main, not JMH: the
 * point is sustained load on a real file.
 *
 * <p>Run: {@code java -cp sluice-bench/target/sluice-benchmarks.jar dev.sluice.bench.AuditStoreBenchmark
 * [--seconds 5] [--warmup 2] [--sync normal|full] [--writers 1,4,16] [--dir /tmp]}
 */
public final class AuditStoreBenchmark {
    private AuditStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 5;
        int warmup = 2;
        SyncMode sync = SyncMode.NORMAL;
        int[] writers = {1, 4, 16};
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--sync" -> sync = SyncMode.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--writers" -> writers = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--dir" -> dir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --seconds N --warmup N --sync normal|full --writers 1,4,16 --dir DIR");
            }
        }
        System.out.printf(Locale.ROOT, "SQLite audit store, sync=%s, %ds measured after %ds warm-up, %d CPUs, %s%n",
                sync.name().toLowerCase(Locale.ROOT), seconds, warmup, Runtime.getRuntime().availableProcessors(), dir);
        System.out.printf(Locale.ROOT, "%8s %12s %10s %10s %10s %12s%n", "writers", "records/s", "p50 ms", "p99 ms",
                "max ms", "recs/commit");
        for (int n : writers) {
            run(n, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), sync, dir);
        }
    }

    private static void run(int writers, Duration warmup, Duration measure, SyncMode sync, Path parent) throws Exception {
        Path dir = Files.createTempDirectory(parent, "sluice-audit-bench-");
        AuditIds ids = AuditIds.create();
        try (AuditLog log = SqliteAuditStore.open(dir.resolve("audit.db"), sync, Redaction.defaults(), Clock.systemUTC())) {
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + measure.toNanos();
            List<long[]> latencies = new ArrayList<>();
            int[] counts = new int[writers];
            CountDownLatch done = new CountDownLatch(writers);
            AuditStats[] before = new AuditStats[1];
            Thread statsAtStart = Thread.ofVirtual().start(() -> {
                long wait = measureFrom - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                before[0] = log.stats();
            });
            for (int w = 0; w < writers; w++) {
                long[] lat = new long[1 << 22];
                latencies.add(lat);
                int writer = w;
                Thread.ofVirtual().start(() -> {
                    int k = 0;
                    try {
                        while (true) {
                            long t0 = System.nanoTime();
                            if (t0 >= end) {
                                break;
                            }
                            log.append(record(ids, writer));
                            long t1 = System.nanoTime();
                            if (t0 >= measureFrom && k < lat.length) {
                                lat[k++] = t1 - t0;
                            }
                        }
                    } finally {
                        counts[writer] = k;
                        done.countDown();
                    }
                });
            }
            done.await();
            statsAtStart.join();
            AuditStats after = log.stats();
            long total = 0;
            for (int c : counts) {
                total += c;
            }
            long[] all = new long[(int) total];
            int pos = 0;
            for (int w = 0; w < writers; w++) {
                System.arraycopy(latencies.get(w), 0, all, pos, counts[w]);
                pos += counts[w];
            }
            Arrays.sort(all);
            double rate = total / (measure.toNanos() / 1e9);
            long commits = after.transactions() - before[0].transactions();
            System.out.printf(Locale.ROOT, "%8d %12.0f %10.3f %10.3f %10.3f %12.1f%n", writers, rate,
                    pct(all, 0.50) / 1e6, pct(all, 0.99) / 1e6, all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                    commits == 0 ? 0.0 : (double) (after.records() - before[0].records()) / commits);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static AuditRecord record(AuditIds ids, int writer) {
        Instant now = Instant.now();
        return AuditRecord.builder(ids.next(now), now, AuditKind.TOOL_CALL)
                .principal("bench-" + writer).authMethod("api_key").clientName("bench").clientVersion("1.0")
                .protocolVersion("2025-11-25").sessionId("s-" + writer).requestId("1").remoteAddress("127.0.0.1")
                .tool("execute_query").arguments("{\"sql\":\"select region, sum(amount) from orders group by 1\",\"source\":\"lake\"}")
                .finalSql("select region, sum(amount) from orders group by 1 limit 1000").source("lake")
                .guardDecision(GuardDecision.ALLOWED).status(AuditStatus.OK).httpStatus(200).rowCount(12L)
                .elapsedMs(3L).summary("12 rows").build();
    }
}
