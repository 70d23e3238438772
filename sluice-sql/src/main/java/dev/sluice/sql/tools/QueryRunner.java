package dev.sluice.sql.tools;

import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.guard.GuardVerdict;
import dev.sluice.sql.guard.SqlGuard;
import dev.sluice.sql.policy.ColumnMasks;
import dev.sluice.sql.policy.TablePolicy;
import dev.sluice.sql.result.ResultStore;
import dev.sluice.sql.result.ResultWriter;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.RowSink;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs one statement for a tool: guard, table policy, the source's concurrency limit, the engine
 * (read-only, timeout, cancellation wired to the request), column masks, and the result store,
 * which keeps the whole result (bounded) for paging.
 */
public final class QueryRunner {
    private static final long PROGRESS_EVERY_ROWS = 10_000;
    private final ResultStore store;
    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();
    private final Map<String, TablePolicy> policies = new ConcurrentHashMap<>();
    private final Map<String, ColumnMasks> masks = new ConcurrentHashMap<>();

    public QueryRunner(ResultStore store) {
        this.store = store;
    }

    public ResultStore store() {
        return store;
    }

    public ColumnMasks masksOf(Source source) {
        return masks.computeIfAbsent(source.name(), n -> new ColumnMasks(source.settings().masks()));
    }

    public TablePolicy policyOf(Source source) {
        return policies.computeIfAbsent(source.name(), n -> new TablePolicy(source.settings()));
    }

    public QueryOutcome run(Source source, String sql, List<Object> parameters, int maxRows, String owner, RequestContext context) {
        long start = System.nanoTime();
        GuardVerdict verdict = SqlGuard.forDialect(source.dialect()).check(sql);
        if (!verdict.allowed()) {
            return new QueryOutcome.Refused(verdict.rule(), verdict.message());
        }
        Optional<String> denied = policyOf(source).firstDenied(verdict.tablesRead());
        if (denied.isPresent()) {
            return new QueryOutcome.Refused("table_not_allowed", "Table " + denied.get() + " is not available through source "
                    + source.name() + " (policy). Use list_tables to see the tables you may query.");
        }
        // the principal's own slot first, so one caller cannot take every slot of the source
        Semaphore mine = slots.computeIfAbsent(source.name() + '\u0000' + owner,
                n -> new Semaphore(source.settings().maxConcurrentQueriesPerPrincipal(), true));
        if (!mine.tryAcquire()) {
            return new QueryOutcome.Refused("too_many_queries", "You are already running "
                    + source.settings().maxConcurrentQueriesPerPrincipal() + " queries on source " + source.name()
                    + "; wait for one to finish.");
        }
        Semaphore slot = slots.computeIfAbsent(source.name(), n -> new Semaphore(source.settings().maxConcurrentQueries(), true));
        try {
            if (!slot.tryAcquire(10, TimeUnit.SECONDS)) {
                mine.release();
                return new QueryOutcome.Refused("too_many_queries", "Source " + source.name() + " is running its maximum of "
                        + source.settings().maxConcurrentQueries() + " concurrent queries; retry in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            mine.release();
            return new QueryOutcome.Failed("The query was cancelled.", "57014");
        }
        try (QueryCursor cursor = source.execute(sql, parameters, source.settings().timeout(), context.cancellation())) {
            String[] maskPlan = masksOf(source).plan(cursor.columns());
            ResultWriter writer = store.begin(source.name(), owner, cursor.columns());
            try {
                long rows = 0;
                // typed values go straight into the store's encoding: JSON is built only for the rows a page shows
                RowSink sink = ColumnMasks.sink(maskPlan, writer.rowSink());
                while (cursor.next(sink)) {
                    if (!writer.endRow()) {
                        break;
                    }
                    if (++rows % PROGRESS_EVERY_ROWS == 0) {
                        context.progress(rows, null, rows + " rows read");
                    }
                }
                return new QueryOutcome.Done(writer.finish(maxRows), verdict, (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                writer.abort();
                throw e;
            }
        } catch (SourceException e) {
            return new QueryOutcome.Failed(e.getMessage(), e.sqlState());
        } finally {
            slot.release();
            mine.release();
        }
    }
}
