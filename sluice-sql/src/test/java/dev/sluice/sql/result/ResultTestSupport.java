package dev.sluice.sql.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.mcp.FakeClock;
import dev.sluice.sql.source.ColumnMeta;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for the result store tests: a clock the test moves, configs, rows. */
final class ResultTestSupport {
    static final List<ColumnMeta> COLUMNS = List.of(
            new ColumnMeta("id", "BIGINT"), new ColumnMeta("name", "VARCHAR"), new ColumnMeta("amount", "DECIMAL(18,2)"));

    private ResultTestSupport() {
    }

    /** A clock that moves only when told, from 2026-10-20. */
    static FakeClock clock() {
        return new FakeClock(Instant.parse("2026-10-20T00:00:00Z"));
    }

    static ResultStoreConfig config(Path dir, long memoryBudget, long spillThreshold) {
        return new ResultStoreConfig(dir, memoryBudget, spillThreshold, 1L << 30, Duration.ofMinutes(10), 100);
    }

    static JsonNode[] row(long i) {
        return new JsonNode[] {LongNode.valueOf(i), TextNode.valueOf("name-" + i),
                DecimalNode.valueOf(BigDecimal.valueOf(i * 7, 2))};
    }

    static void writeRows(ResultWriter writer, long count) {
        for (long i = 0; i < count; i++) {
            if (!writer.append(row(i))) {
                throw new AssertionError("append refused row " + i);
            }
        }
    }

    /** Every row of a result, paging with the given page size. */
    static List<JsonNode[]> readAll(ResultStore store, String id, String owner, int maxRows) {
        List<JsonNode[]> all = new ArrayList<>();
        String token = null;
        do {
            ResultPage page = store.page(id, owner, token, maxRows).orElseThrow();
            all.addAll(page.rows());
            token = page.nextToken();
        } while (token != null);
        return all;
    }
}
