package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.result.ResultPage;
import dev.sluice.sql.source.ColumnMeta;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceSettings;

import java.util.List;
import java.util.Optional;

import static dev.sluice.sql.tools.ToolCalls.guarded;
import static dev.sluice.sql.tools.ToolCalls.structured;
import static dev.sluice.sql.tools.ToolCalls.text;
import static dev.sluice.sql.tools.ToolCalls.tool;

/**
 * {@code execute_query} (SQL, or a question turned into SQL by {@link QuestionAnswering}) and
 * {@code fetch_query_results}, which pages through the result store.
 */
final class QueryTools {
    private final SourceLookup lookup;
    private final QueryRunner runner;
    private final QuestionAnswering answering;

    /** {@code answering} null: a question alone is refused with instructions to write the SQL. */
    QueryTools(SourceLookup lookup, QueryRunner runner, QuestionAnswering answering) {
        this.lookup = lookup;
        this.runner = runner;
        this.answering = answering;
    }

    void register(McpServer.Builder b) {
        b.tool(tool("execute_query", "Execute query", "Run one read-only SQL query (sql_query) against a source and return typed rows "
                + "(objects keyed by column), a query_execution_id and, when there are more rows, a next_token for fetch_query_results. "
                + "Writes, multiple statements, file and network access are refused with the reason. " + (answering == null
                ? "natural_language_query needs text-to-SQL, which this build does not have: write the SQL yourself (list_tables and "
                + "describe_table show the schema)."
                : "With only natural_language_query (any language) the SQL is generated first, then run, and the rows are summarised "
                + "in the question's language; an ambiguous question may first be clarified with the user, or come back with a "
                + "clarifying question to ask them. With both, sql_query runs and the summary answers the question."),
                ToolSchemas.EXECUTE_QUERY, ToolSchemas.EXECUTE_OUTPUT), guarded(this::executeQuery));
        b.tool(tool("fetch_query_results", "Fetch query results", "Return the next page of a finished query's result, using the "
                + "query_execution_id and next_token from execute_query (or from the previous page).", ToolSchemas.FETCH,
                ToolSchemas.FETCH_OUTPUT), guarded(this::fetch));
    }

    private CallToolResult executeQuery(ObjectNode args, RequestContext ctx) {
        String sql = text(args, "sql_query");
        String question = text(args, "natural_language_query");
        if (sql == null && question != null && answering != null) {
            return executeQuestion(args, ctx, question);
        }
        if (sql == null) {
            return structured(ResultJson.error(question == null
                    ? "Give sql_query (one read-only SQL query) or natural_language_query."
                    : "Text-to-SQL is not configured in this build, so natural_language_query alone cannot run. Write the SQL "
                    + "yourself and pass it as sql_query (list_tables and describe_table show the schema)."));
        }
        QueryTarget target = target(args);
        if (target.problem() != null) {
            return target.problem();
        }
        return structured(run(target.source(), sql, target.maxRows(), question == null ? null : question(args, question), ctx));
    }

    /** The source and row limit a query call asks for, or the tool error that says why they are not usable. */
    private record QueryTarget(Source source, int maxRows, CallToolResult problem) {
    }

    private QueryTarget target(ObjectNode args) {
        Optional<Source> source = lookup.find(args);
        if (source.isEmpty()) {
            return new QueryTarget(null, 0, lookup.unknown(args));
        }
        Source s = source.get();
        Integer maxRows = maxRows(args, s);
        if (maxRows == null) {
            return new QueryTarget(s, 0, structured(ResultJson.error("max_rows must be between 1 and " + s.settings().maxRows()
                    + " for source " + s.name() + ", got " + args.get("max_rows"))));
        }
        return new QueryTarget(s, maxRows, null);
    }

    /** Generates SQL for the question (as text_to_sql does), then runs it and summarises the rows. */
    private CallToolResult executeQuestion(ObjectNode args, RequestContext ctx, String question) {
        QueryTarget target = target(args);
        if (target.problem() != null) {
            return target.problem();
        }
        Source s = target.source();
        int maxRows = target.maxRows();
        QuestionAnswering.Question q = question(args, question);
        QuestionAnswering.Generation generation = answering.generate(q, s, ctx);
        if (!generation.generated()) {
            ObjectNode out = generation.details().deepCopy();
            out.put("success", false);
            out.put("source", s.name());
            if (!out.has("sql")) {
                out.putNull("sql");
            }
            out.putNull("query_execution_id");
            return structured(out);
        }
        ObjectNode out = run(s, generation.sql(), maxRows, q, ctx);
        ObjectNode generated = out.putObject("generation");
        generation.details().properties().forEach(e -> {
            if (!e.getKey().equals("sql") && !e.getKey().equals("success") && !e.getKey().equals("source")) {
                generated.set(e.getKey(), e.getValue());
            }
        });
        return structured(out);
    }

    private static QuestionAnswering.Question question(ObjectNode args, String question) {
        return new QuestionAnswering.Question(question, text(args, "catalog"), text(args, "database"), text(args, "table"));
    }

    private ObjectNode run(Source s, String sql, int maxRows, QuestionAnswering.Question question, RequestContext ctx) {
        QueryOutcome outcome = runner.run(s, sql, List.of(), maxRows, owner(ctx), ctx);
        ObjectNode out = Json.object();
        out.put("source", s.name());
        out.put("sql", sql);
        switch (outcome) {
            case QueryOutcome.Refused r -> {
                out.put("success", false);
                out.putNull("query_execution_id");
                out.put("error", r.message());
                out.putObject("guard").put("decision", "refused").put("rule", r.rule());
            }
            case QueryOutcome.Failed f -> {
                out.put("success", false);
                out.putNull("query_execution_id");
                out.put("error", "The query failed in " + s.kind() + ": " + f.message() + hintFor(s, f.message()));
                out.putObject("guard").put("decision", "allowed").put("rule", "allowed");
            }
            case QueryOutcome.Done d -> {
                ResultPage page = d.firstPage();
                out.put("success", true);
                out.put("query_execution_id", page.queryExecutionId());
                ResultJson.putPage(out, page);
                out.put("truncated", page.nextToken() != null || page.truncated());
                out.put("total_row_count", page.totalRows());
                out.put("result_cut", page.truncated());
                out.put("elapsed_ms", d.elapsedMillis());
                out.put("summary", question == null || answering == null ? summary(page, question == null ? null : question.text())
                        : answering.summarise(question, sql, out, ctx));
                out.putObject("guard").put("decision", "allowed").put("rule", d.verdict().rule());
            }
        }
        return out;
    }

    private CallToolResult fetch(ObjectNode args, RequestContext ctx) {
        String id = text(args, "query_execution_id");
        int maxRows = args.path("max_rows").asInt(SourceSettings.DEFAULT_MAX_ROWS);
        if (maxRows < 1 || maxRows > SourceSettings.MAX_MAX_ROWS) {
            return structured(ResultJson.error("max_rows must be between 1 and " + SourceSettings.MAX_MAX_ROWS + ", got " + maxRows));
        }
        try {
            Optional<ResultPage> page = runner.store().page(id, owner(ctx), text(args, "next_token"), maxRows);
            if (page.isEmpty()) {
                return structured(ResultJson.error("No stored result for query_execution_id " + id
                        + ": it expired, was evicted, or belongs to someone else. Run the query again with execute_query."));
            }
            ObjectNode out = Json.object();
            out.put("success", true);
            out.put("query_execution_id", id);
            ResultJson.putPage(out, page.get());
            out.put("truncated", page.get().nextToken() != null || page.get().truncated());
            return structured(out);
        } catch (IllegalArgumentException e) {
            return structured(ResultJson.error(e.getMessage()));
        }
    }

    /** A factual one-line summary; summaries in the question's language come with text-to-SQL. */
    static String summary(ResultPage page, String question) {
        String columns = String.join(", ", page.columns().stream().map(ColumnMeta::name).toList());
        String size = page.nextToken() == null && !page.truncated()
                ? page.rows().size() + (page.rows().size() == 1 ? " row" : " rows")
                : page.rows().size() + " of " + page.totalRows() + (page.truncated() ? "+" : "") + " rows (more with fetch_query_results)";
        return size + " with columns " + columns + ".";
    }

    /** The caller's max_rows, the source's limit when absent, or null when it is outside 1..limit. */
    private Integer maxRows(ObjectNode args, Source s) {
        JsonNode v = args.get("max_rows");
        if (v == null || v.isNull()) {
            return s.settings().maxRows();
        }
        int n = v.asInt(-1);
        return n >= 1 && n <= s.settings().maxRows() ? n : null;
    }

    /** Results are stored per caller, so only the one who ran a query can page it. */
    private static String owner(RequestContext ctx) {
        String subject = ctx.caller().subject();
        return subject == null ? "anonymous" : subject;
    }

    private String hintFor(Source s, String message) {
        String lower = message.toLowerCase();
        if (lower.contains("does not exist") && (lower.contains("relation") || lower.contains("table"))) {
            return " Use list_tables to see the tables.";
        }
        return "";
    }
}
