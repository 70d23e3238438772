package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.sluice.sql.result.ResultPage;
import dev.sluice.sql.result.ResultStore;
import dev.sluice.sql.result.ResultStoreConfig;
import dev.sluice.sql.result.ResultWriter;
import dev.sluice.sql.source.ColumnMeta;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Writes a large result (default 10,000,000 rows of BIGINT id, ~20-char VARCHAR name, DECIMAL
 * amount, ISO-8601 timestamp) into a {@link ResultStore} with a 64 MiB memory budget, then pages
 * through all of it with max_rows 10,000, checking every id. Prints write and page rows/s, the
 * heap per phase (peak sampled every millisecond, peak after each collection, and the live set
 * after a full GC at each tenth of the rows) and the spill file size. A plain main, not JMH: one
 * long run is the point.
 *
 * <pre>java -Xmx256m -cp sluice-bench/target/sluice-benchmarks.jar dev.sluice.bench.ResultPagingBenchmark</pre>
 *
 * System properties: {@code rows} (10000000), {@code maxRows} (10000), {@code spillDir} (a temp dir).
 */
public final class ResultPagingBenchmark {
    private static final List<ColumnMeta> COLUMNS = List.of(new ColumnMeta("id", "BIGINT"),
            new ColumnMeta("name", "VARCHAR"), new ColumnMeta("amount", "DECIMAL(12,2)"), new ColumnMeta("ts", "TIMESTAMP"));

    private ResultPagingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long rows = Long.getLong("rows", 10_000_000L);
        int maxRows = Integer.getInteger("maxRows", 10_000);
        String dirProperty = System.getProperty("spillDir");
        Path spill = dirProperty != null ? Path.of(dirProperty) : Files.createTempDirectory("sluice-bench-results");
        ResultStoreConfig config = new ResultStoreConfig(spill, 64L << 20, 64L << 20, 8L << 30, Duration.ofHours(1), 100);
        String[] days = new String[366];
        for (int d = 0; d < days.length; d++) {
            days[d] = LocalDate.of(2026, 1, 1).plusDays(d) + "T";
        }
        System.out.printf("result paging: %,d rows, max_rows %,d, memory budget %d MiB, spill threshold %d MiB, heap max %d MiB, %s%n",
                rows, maxRows, config.memoryBudgetBytes() >> 20, config.spillThresholdBytes() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version());

        try (ResultStore store = new ResultStore(config, Clock.systemUTC())) {
            // Row construction alone, to tell the store's cost from the generator's.
            long start = System.nanoTime();
            long sink = 0;
            for (long i = 0; i < rows; i++) {
                sink += row(i, days)[3].textValue().length();
            }
            double generateSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("generate rows only: %,.0f rows/s (%.2f s; included in write below) [%d]%n",
                    rows / generateSeconds, generateSeconds, sink % 10);

            HeapWatch writeHeap = new HeapWatch();
            start = System.nanoTime();
            ResultWriter writer = store.begin("bench", "bench", COLUMNS);
            Checkpoints writeLive = new Checkpoints(rows);
            for (long i = 0; i < rows; i++) {
                if (!writer.append(row(i, days))) {
                    throw new IllegalStateException("result truncated at row " + i);
                }
                writeLive.at(i + 1);
            }
            ResultPage page = writer.finish(maxRows);
            double writeSeconds = (System.nanoTime() - start - writeLive.pausedNanos) / 1e9;
            writeHeap.close();
            long diskBytes = store.stats().bytesOnDisk();
            System.out.printf("write: %,.0f rows/s (%.2f s), %s, store in memory %d MiB, spill file %,d bytes (%.1f bytes/row)%n",
                    rows / writeSeconds, writeSeconds, writeHeap.report(), store.stats().bytesInMemory() >> 20,
                    diskBytes, (double) diskBytes / rows);
            System.out.println("       live heap after System.gc() at each tenth of the rows (MiB, pauses not timed): " + writeLive.live);

            HeapWatch pageHeap = new HeapWatch();
            start = System.nanoTime();
            long expected = 0;
            long pages = 0;
            Checkpoints pageLive = new Checkpoints(rows);
            while (true) {
                for (JsonNode[] r : page.rows()) {
                    if (r[0].longValue() != expected) {
                        throw new IllegalStateException("row " + expected + " came back as " + r[0]);
                    }
                    expected++;
                }
                pageLive.at(expected);
                pages++;
                if (page.nextToken() == null) {
                    break;
                }
                page = store.page(writer.queryExecutionId(), "bench", page.nextToken(), maxRows).orElseThrow();
            }
            double pageSeconds = (System.nanoTime() - start - pageLive.pausedNanos) / 1e9;
            pageHeap.close();
            if (expected != rows) {
                throw new IllegalStateException("paged " + expected + " rows of " + rows);
            }
            System.out.printf("page:  %,.0f rows/s (%.2f s, %,d pages), %s%n",
                    rows / pageSeconds, pageSeconds, pages, pageHeap.report());
            System.out.println("       live heap after System.gc() at each tenth of the rows (MiB, pauses not timed): " + pageLive.live);
        } finally {
            if (dirProperty == null) {
                Files.deleteIfExists(spill);
            }
        }
        System.gc();
        System.out.printf("after close: heap used %d MiB%n", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
    }

    private static JsonNode[] row(long i, String[] days) {
        long second = i % 86_400;
        String ts = days[(int) ((i / 86_400) % days.length)] + two(second / 3600) + ":" + two(second / 60 % 60) + ":"
                + two(second % 60) + "." + (100_000 + i % 900_000) + "Z";
        return new JsonNode[] {
                LongNode.valueOf(i),
                TextNode.valueOf("customer-" + (1_000_000_000L + i)),
                DecimalNode.valueOf(BigDecimal.valueOf((i * 7919) % 100_000_000, 2)),
                TextNode.valueOf(ts),
        };
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }

    /** At each tenth of the rows: a full GC, then the heap still used (the live set); its time is left out. */
    private static final class Checkpoints {
        private final long step;
        private long next;
        long pausedNanos;
        final List<Long> live = new ArrayList<>();

        Checkpoints(long rows) {
            this.step = Math.max(1, rows / 10);
            this.next = step;
        }

        void at(long done) {
            if (done < next) {
                return;
            }
            next += step;
            long t0 = System.nanoTime();
            System.gc();
            live.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
            pausedNanos += System.nanoTime() - t0;
        }
    }

    /** Heap used at its highest (sampled every millisecond) and live heap after each GC at its highest. */
    private static final class HeapWatch implements AutoCloseable {
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                if (info.getGcCause().equals("System.gc()")) {
                    return;
                }
                long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                peakAfterGc.accumulateAndGet(after, Math::max);
            }
        };
        private final Thread sampler;

        HeapWatch() {
            System.gc();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    LockSupport.parkNanos(1_000_000);
                }
            });
        }

        String report() {
            return String.format("peak heap used %d MiB, peak live heap after GC %d MiB", peakUsed.get() >> 20, peakAfterGc.get() >> 20);
        }

        @Override
        public void close() {
            sampler.interrupt();
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException ignored) {
                    // already gone
                }
            }
        }
    }
}
