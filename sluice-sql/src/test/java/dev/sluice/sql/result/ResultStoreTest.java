package dev.sluice.sql.result;

import static dev.sluice.sql.result.ResultTestSupport.COLUMNS;
import static dev.sluice.sql.result.ResultTestSupport.config;
import static dev.sluice.sql.result.ResultTestSupport.readAll;
import static dev.sluice.sql.result.ResultTestSupport.row;
import static dev.sluice.sql.result.ResultTestSupport.writeRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.mcp.FakeClock;
import dev.sluice.mcp.Json;
import dev.sluice.sql.source.ColumnMeta;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultStoreTest {
    private static final String ALICE = "alice";

    @TempDir
    Path tmp;

    private final FakeClock clock = ResultTestSupport.clock();

    private Path spillDir() {
        return tmp.resolve("spill");
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    private static List<JsonNode[]> mixedRows(int count, long seed) {
        Random random = new Random(seed);
        List<JsonNode[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new JsonNode[] {
                    LongNode.valueOf(random.nextLong()),
                    random.nextInt(10) == 0 ? NullNode.getInstance() : TextNode.valueOf("名前-" + "x".repeat(random.nextInt(300)) + i),
                    DecimalNode.valueOf(new BigDecimal(random.nextLong() + "." + Math.abs(random.nextInt()))),
            });
        }
        return rows;
    }

    @ParameterizedTest(name = "spill threshold {0}")
    @ValueSource(longs = {0, 1L << 40})
    void allValueTypes_roundTripThroughTheStore(long spillThreshold) {
        List<ColumnMeta> columns = List.of(new ColumnMeta("v", "ANY"), new ColumnMeta("w", "ANY"));
        List<JsonNode[]> rows = List.of(
                new JsonNode[] {NullNode.getInstance(), DecimalNode.valueOf(new BigDecimal("12345678901234567890123.000100"))},
                new JsonNode[] {TextNode.valueOf("締め切り 🚀"), TextNode.valueOf("y".repeat(3_000_000))},
                new JsonNode[] {Json.parse("{\"k\":[1,true,null]}"), LongNode.valueOf(-42)});
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, spillThreshold), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, columns);
            rows.forEach(writer::append);
            ResultPage first = writer.finish(10);
            assertThat(first.rows()).hasSize(3);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(first.rows().get(i)).containsExactly(rows.get(i));
            }
            assertThat(first.rows().get(0)[1].decimalValue().toPlainString()).isEqualTo("12345678901234567890123.000100");
            assertThat(first.columns()).isEqualTo(columns);
            assertThat(first.nextToken()).isNull();
            assertThat(first.totalRows()).isEqualTo(3);
            assertThat(first.truncated()).isFalse();
            assertThat(store.stats().bytesOnDisk() > 0).isEqualTo(spillThreshold == 0);
        }
    }

    @Test
    void spilledResult_pagesExactlyLikeAnInMemoryOne() {
        List<JsonNode[]> rows = mixedRows(20_000, 7);
        try (ResultStore memory = new ResultStore(config(tmp.resolve("a"), 1L << 30, 1L << 40), clock);
                ResultStore disk = new ResultStore(config(tmp.resolve("b"), 1L << 30, 1024), clock)) {
            ResultWriter m = memory.begin("lake", ALICE, COLUMNS);
            ResultWriter d = disk.begin("lake", ALICE, COLUMNS);
            rows.forEach(m::append);
            rows.forEach(d::append);
            m.finish(1);
            d.finish(1);
            assertThat(memory.stats().bytesOnDisk()).isZero();
            assertThat(disk.stats().bytesOnDisk()).isPositive();
            assertThat(disk.stats().bytesInMemory()).isZero();
            List<JsonNode[]> fromMemory = readAll(memory, m.queryExecutionId(), ALICE, 777);
            List<JsonNode[]> fromDisk = readAll(disk, d.queryExecutionId(), ALICE, 777);
            assertThat(fromDisk).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(fromMemory.get(i)).containsExactly(rows.get(i));
                assertThat(fromDisk.get(i)).containsExactly(rows.get(i));
            }
        }
    }

    @ParameterizedTest(name = "spill threshold {0}")
    @ValueSource(longs = {0, 1L << 40})
    void paging100kRowsWithRandomPageSizes_yieldsEveryRowOnceInOrder(long spillThreshold) {
        int total = 100_000;
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, spillThreshold), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            writeRows(writer, total);
            ResultPage page = writer.finish(1 + new Random(1).nextInt(5000));
            Random random = new Random(42);
            long expected = 0;
            while (true) {
                for (JsonNode[] r : page.rows()) {
                    assertThat(r).containsExactly(row(expected));
                    expected++;
                }
                assertThat(page.totalRows()).isEqualTo(total);
                if (page.nextToken() == null) {
                    break;
                }
                page = store.page(writer.queryExecutionId(), ALICE, page.nextToken(), 1 + random.nextInt(5000)).orElseThrow();
            }
            assertThat(expected).isEqualTo(total);
        }
    }

    @Test
    void aPageEndingExactlyAtTheLastRow_hasNoNextToken() {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 1L << 40), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            writeRows(writer, 10);
            ResultPage first = writer.finish(5);
            assertThat(first.nextToken()).isNotNull();
            ResultPage second = store.page(writer.queryExecutionId(), ALICE, first.nextToken(), 5).orElseThrow();
            assertThat(second.rows()).hasSize(5);
            assertThat(second.nextToken()).isNull();
        }
    }

    @Test
    void emptyResult_hasOnePageWithNoRows() throws IOException {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 0), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            ResultPage page = writer.finish(100);
            assertThat(page.rows()).isEmpty();
            assertThat(page.nextToken()).isNull();
            assertThat(page.totalRows()).isZero();
            assertThat(files(spillDir())).isEmpty();
            assertThat(store.page(writer.queryExecutionId(), ALICE, null, 1)).isPresent();
        }
    }

    @ParameterizedTest(name = "spill threshold {0}")
    @ValueSource(longs = {0, 1L << 40})
    void resultPastMaxResultBytes_isCutAndMarkedTruncated(long spillThreshold) {
        RowEncoder encoder = new RowEncoder();
        encoder.encode(row(0));
        long rowBytes = encoder.length(); // rows 0..9 encode to the same size
        ResultStoreConfig config = new ResultStoreConfig(spillDir(), 1L << 30, spillThreshold, rowBytes * 5 + 3,
                Duration.ofMinutes(10), 10);
        try (ResultStore store = new ResultStore(config, clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            List<Boolean> accepted = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                accepted.add(writer.append(row(i)));
            }
            assertThat(accepted).containsExactly(true, true, true, true, true, false, false, false);
            ResultPage page = writer.finish(100);
            assertThat(page.truncated()).isTrue();
            assertThat(page.totalRows()).isEqualTo(5);
            assertThat(page.rows()).hasSize(5);
            assertThat(store.page(writer.queryExecutionId(), ALICE, null, 2).orElseThrow().truncated()).isTrue();
        }
    }

    @Test
    void resultThatFitsExactly_isNotTruncated() {
        RowEncoder encoder = new RowEncoder();
        encoder.encode(row(0));
        ResultStoreConfig config = new ResultStoreConfig(spillDir(), 1L << 30, 1L << 40, encoder.length() * 3L,
                Duration.ofMinutes(10), 10);
        try (ResultStore store = new ResultStore(config, clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            writeRows(writer, 3);
            ResultPage page = writer.finish(100);
            assertThat(page.truncated()).isFalse();
            assertThat(page.totalRows()).isEqualTo(3);
        }
    }

    @Test
    void tamperedGarbledOrForeignTokens_areRejectedWithAClearMessage() {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 1L << 40), clock);
                ResultStore other = new ResultStore(config(tmp.resolve("other"), 1L << 30, 1L << 40), clock)) {
            ResultWriter a = store.begin("lake", ALICE, COLUMNS);
            writeRows(a, 100);
            String token = a.finish(10).nextToken();
            ResultWriter b = store.begin("lake", ALICE, COLUMNS);
            writeRows(b, 100);
            b.finish(10);
            ResultWriter c = other.begin("lake", ALICE, COLUMNS);
            writeRows(c, 100);
            String foreignStoreToken = c.finish(10).nextToken();

            char[] chars = token.toCharArray();
            chars[5] = chars[5] == 'A' ? 'B' : 'A';
            String tampered = new String(chars);
            for (String bad : List.of(tampered, "garbage!", "AAAA", token + "AA", token.substring(1))) {
                assertThatThrownBy(() -> store.page(a.queryExecutionId(), ALICE, bad, 10))
                        .as(bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("next_token is not valid for this query_execution_id; use the token from the previous page");
            }
            assertThatThrownBy(() -> store.page(b.queryExecutionId(), ALICE, token, 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not valid for this query_execution_id");
            assertThatThrownBy(() -> store.page(a.queryExecutionId(), ALICE, foreignStoreToken, 10))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.page(a.queryExecutionId(), ALICE, token, 10).orElseThrow().rows().get(0))
                    .containsExactly(row(10));
        }
    }

    @Test
    void maxRowsBelowOne_isRejected() {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 1L << 40), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            assertThatThrownBy(() -> writer.finish(0)).hasMessage("max_rows must be at least 1, got 0");
            writer.finish(1);
            assertThatThrownBy(() -> store.page(writer.queryExecutionId(), ALICE, null, -3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("max_rows must be at least 1, got -3");
        }
    }

    @Test
    void rowWithTheWrongNumberOfValues_isRejected() {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 1L << 40), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            assertThatThrownBy(() -> writer.append(new JsonNode[] {LongNode.valueOf(1)}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row has 1 values but the result has 3 columns");
        }
    }

    @Test
    void resultsOlderThanMaxAge_expireAndTheirFilesGo() throws IOException {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 0), clock)) {
            ResultWriter old = store.begin("lake", ALICE, COLUMNS);
            writeRows(old, 100);
            old.finish(10);
            clock.advance(Duration.ofMinutes(6));
            ResultWriter young = store.begin("lake", ALICE, COLUMNS);
            writeRows(young, 100);
            young.finish(10);
            assertThat(files(spillDir())).hasSize(2);

            clock.advance(Duration.ofMinutes(4));
            assertThat(store.page(old.queryExecutionId(), ALICE, null, 10)).as("expired on lookup").isEmpty();
            assertThat(store.page(young.queryExecutionId(), ALICE, null, 10)).isPresent();
            assertThat(files(spillDir())).hasSize(1);

            clock.advance(Duration.ofMinutes(6));
            assertThat(store.evictExpired()).isEqualTo(1);
            assertThat(store.page(young.queryExecutionId(), ALICE, null, 10)).isEmpty();
            assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0));
            assertThat(files(spillDir())).isEmpty();
        }
    }

    @Test
    void beginningPastMaxResults_evictsTheOldestFinishedResult() {
        ResultStoreConfig config = new ResultStoreConfig(spillDir(), 1L << 30, 1L << 40, 1L << 30, Duration.ofMinutes(10), 2);
        try (ResultStore store = new ResultStore(config, clock)) {
            ResultWriter first = store.begin("lake", ALICE, COLUMNS);
            writeRows(first, 5);
            first.finish(1);
            ResultWriter second = store.begin("lake", ALICE, COLUMNS);
            writeRows(second, 5);
            second.finish(1);
            ResultWriter third = store.begin("lake", ALICE, COLUMNS);
            writeRows(third, 5);
            third.finish(1);
            assertThat(store.page(first.queryExecutionId(), ALICE, null, 1)).isEmpty();
            assertThat(store.page(second.queryExecutionId(), ALICE, null, 1)).isPresent();
            assertThat(store.page(third.queryExecutionId(), ALICE, null, 1)).isPresent();
            assertThat(store.stats().results()).isEqualTo(2);
        }
    }

    @Test
    void whenEveryHeldResultIsStillBeingWritten_beginFailsInsteadOfGrowingPastMaxResults() {
        ResultStoreConfig config = new ResultStoreConfig(spillDir(), 1L << 30, 1L << 40, 1L << 30, Duration.ofMinutes(10), 2);
        try (ResultStore store = new ResultStore(config, clock)) {
            store.begin("lake", ALICE, COLUMNS);
            ResultWriter second = store.begin("lake", ALICE, COLUMNS);
            assertThatThrownBy(() -> store.begin("lake", ALICE, COLUMNS))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("all still being written");
            second.abort();
            assertThat(store.begin("lake", ALICE, COLUMNS).queryExecutionId()).isNotBlank();
        }
    }

    @Test
    void anotherOwner_getsNothing_evenWithAValidToken() {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 1L << 40), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            writeRows(writer, 20);
            String token = writer.finish(5).nextToken();
            assertThat(store.page(writer.queryExecutionId(), "mallory", null, 5)).isEmpty();
            assertThat(store.page(writer.queryExecutionId(), "mallory", token, 5)).isEmpty();
            assertThat(store.page(writer.queryExecutionId(), "mallory", "forged", 5)).isEmpty();
            assertThat(store.page("no-such-id", ALICE, null, 5)).isEmpty();
        }
    }

    @Test
    void resultStillBeingWritten_isNotPageable() {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 1L << 40), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            writeRows(writer, 20);
            assertThat(store.page(writer.queryExecutionId(), ALICE, null, 5)).isEmpty();
            writer.finish(5);
            assertThat(store.page(writer.queryExecutionId(), ALICE, null, 5)).isPresent();
        }
    }

    @Test
    void abort_dropsTheResultAndDeletesItsFile() throws IOException {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 0), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            writeRows(writer, 1000);
            assertThat(files(spillDir())).hasSize(1);
            writer.abort();
            writer.abort();
            assertThat(files(spillDir())).isEmpty();
            assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0));
            assertThat(store.page(writer.queryExecutionId(), ALICE, null, 5)).isEmpty();
            assertThatThrownBy(() -> writer.append(row(1))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> writer.finish(1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closingAnUnfinishedWriter_abortsIt_closingAFinishedOneKeepsTheResult() throws IOException {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 0), clock)) {
            String abandoned;
            try (ResultWriter writer = store.begin("lake", ALICE, COLUMNS)) {
                writeRows(writer, 100);
                abandoned = writer.queryExecutionId();
            }
            String kept;
            try (ResultWriter writer = store.begin("lake", ALICE, COLUMNS)) {
                writeRows(writer, 100);
                writer.finish(1);
                kept = writer.queryExecutionId();
            }
            assertThat(store.page(abandoned, ALICE, null, 1)).isEmpty();
            assertThat(store.page(kept, ALICE, null, 1)).isPresent();
            assertThat(files(spillDir())).hasSize(1);
        }
    }

    @Test
    void close_deletesEverySpillFileAndTheDirectoryItCreated() throws IOException {
        ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 0), clock);
        ResultWriter finished = store.begin("lake", ALICE, COLUMNS);
        writeRows(finished, 1000);
        finished.finish(1);
        ResultWriter writing = store.begin("lake", ALICE, COLUMNS);
        writeRows(writing, 1000);
        assertThat(files(spillDir())).hasSize(2);
        store.close();
        assertThat(spillDir()).doesNotExist();
        assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0));
        assertThat(writing.append(row(1))).as("evicted writer is told to stop").isFalse();
        assertThatThrownBy(() -> writing.finish(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("evicted");
        assertThatThrownBy(() -> store.begin("lake", ALICE, COLUMNS)).hasMessage("the result store is closed");
    }

    @Test
    void close_leavesAPreExistingSpillDirectoryButEmptiesIt() throws IOException {
        Files.createDirectories(spillDir());
        ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 0), clock);
        ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
        writeRows(writer, 10);
        writer.finish(1);
        store.close();
        assertThat(spillDir()).isEmptyDirectory();
    }

    @Test
    void resultsThatDoNotFitTheMemoryBudget_spill_andTheBudgetIsNeverPassed() {
        long budget = 256 * 1024;
        try (ResultStore store = new ResultStore(config(spillDir(), budget, 1L << 40), clock)) {
            List<ResultWriter> writers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
                for (int r = 0; r < 5000; r++) {
                    writer.append(row(r));
                    assertThat(store.stats().bytesInMemory()).isLessThanOrEqualTo(budget);
                }
                writer.finish(1);
                writers.add(writer);
            }
            assertThat(store.stats().bytesOnDisk()).isPositive();
            for (ResultWriter writer : writers) {
                List<JsonNode[]> rows = readAll(store, writer.queryExecutionId(), ALICE, 999);
                assertThat(rows).hasSize(5000);
                assertThat(rows.get(4999)).containsExactly(row(4999));
            }
        }
    }

    @Test
    void expiryWhileWriting_tellsTheWriterToStop() {
        try (ResultStore store = new ResultStore(config(spillDir(), 1L << 30, 1L << 40), clock)) {
            ResultWriter writer = store.begin("lake", ALICE, COLUMNS);
            assertThat(writer.append(row(1))).isTrue();
            clock.advance(Duration.ofMinutes(11));
            assertThat(store.evictExpired()).isEqualTo(1);
            assertThat(writer.append(row(2))).isFalse();
            assertThatThrownBy(() -> writer.finish(1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void concurrentWritersAndReaders_eachSeeTheirOwnCompleteResult() throws Exception {
        try (ResultStore store = new ResultStore(config(spillDir(), 512 * 1024, 64 * 1024), clock)) {
            ResultWriter done = store.begin("lake", ALICE, COLUMNS);
            writeRows(done, 20_000);
            done.finish(1);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 8; t++) {
                boolean writer = t % 2 == 0;
                int rows = 5_000 + t * 1000;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        if (writer) {
                            ResultWriter w = store.begin("lake", "owner" + rows, COLUMNS);
                            writeRows(w, rows);
                            w.finish(100);
                            List<JsonNode[]> back = readAll(store, w.queryExecutionId(), "owner" + rows, 333);
                            assertThat(back).hasSize(rows);
                            for (int i = 0; i < rows; i++) {
                                assertThat(back.get(i)).containsExactly(row(i));
                            }
                        } else {
                            for (int rep = 0; rep < 3; rep++) {
                                List<JsonNode[]> back = readAll(store, done.queryExecutionId(), ALICE, 1 + rows / 10);
                                assertThat(back).hasSize(20_000);
                                assertThat(back.get(19_999)).containsExactly(row(19_999));
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failures).isEmpty();
            assertThat(store.stats().results()).isEqualTo(5);
        }
    }
}
