package dev.sluice.sql.tools;

import dev.sluice.core.tools.ServerFacts;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.sql.source.Sources;

import java.time.Clock;

/**
 * Registers the data tools of SPEC.md 2.1 on a server: {@link SourceTools} (test_connection,
 * list_sources), {@link TableTools} (list_tables, describe_table) and {@link QueryTools}
 * (execute_query, fetch_query_results), in that order.
 */
public final class DataTools {
    private final SourceTools sourceTools;
    private final TableTools tableTools;
    private final QueryTools queryTools;

    /** Without text-to-SQL: {@code natural_language_query} alone is refused with instructions to write the SQL. */
    public DataTools(Sources sources, QueryRunner runner, ServerFacts facts, Clock clock) {
        this(sources, runner, facts, clock, null);
    }

    /** With text-to-SQL and summaries from {@code answering} (null for none). */
    public DataTools(Sources sources, QueryRunner runner, ServerFacts facts, Clock clock, QuestionAnswering answering) {
        SourceLookup lookup = new SourceLookup(sources);
        this.sourceTools = new SourceTools(sources, facts, clock, answering);
        this.tableTools = new TableTools(lookup, runner);
        this.queryTools = new QueryTools(lookup, runner, answering);
    }

    public void register(McpServer.Builder b) {
        sourceTools.register(b);
        tableTools.register(b);
        queryTools.register(b);
    }
}
