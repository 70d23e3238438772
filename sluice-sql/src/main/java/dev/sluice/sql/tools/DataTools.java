package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Content;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.policy.ColumnMasks;
import dev.sluice.sql.result.ResultPage;
import dev.sluice.sql.source.ColumnMeta;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;
import dev.sluice.sql.source.SourceSettings;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.source.TableDetail;
import dev.sluice.sql.source.TableInfo;
import dev.sluice.sql.source.TableRef;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.sluice.sql.tools.ToolSchemas.of;

/** Registers the data tools of SPEC.md 2.1 on a server. */
public final class DataTools {
    private final Sources sources;
    private final QueryRunner runner;
    private final ServerFacts facts;
    private final Clock clock;
    private final QuestionAnswering answering;

    /** Without text-to-SQL: {@code natural_language_query} alone is refused with instructions to write the SQL. */
    public DataTools(Sources sources, QueryRunner runner, ServerFacts facts, Clock clock) {
        this(sources, runner, facts, clock, null);
    }

    /** With text-to-SQL and summaries from {@code answering} (null for none). */
    public DataTools(Sources sources, QueryRunner runner, ServerFacts facts, Clock clock, QuestionAnswering answering) {
        this.sources = sources;
        this.runner = runner;
        this.facts = facts;
        this.clock = clock;
        this.answering = answering;
    }

    public void register(McpServer.Builder b) {
        b.tool(tool("test_connection", "Test connection", "Check that Sluice is reachable and report the readiness of every "
                + "data source (ok or error, latency), the LLM mode and the SQL guard settings. Call this first when something does not work.",
                ToolSchemas.NONE, ToolSchemas.GENERIC_OUTPUT), (args, ctx) -> structured(testConnection(ctx)));
        b.tool(tool("list_sources", "List sources", "List the configured data sources: name, kind, SQL dialect, default schema, "
                + "and which one is used when a tool call names none.", ToolSchemas.NONE, ToolSchemas.GENERIC_OUTPUT),
                guarded((args, ctx) -> structured(listSources())));
        b.tool(tool("list_tables", "List tables", "List tables and views of a source with row-count estimates and comments. "
                + "Filter by schema or by a name pattern.", ToolSchemas.LIST_TABLES, ToolSchemas.GENERIC_OUTPUT), guarded(this::listTables));
        b.tool(tool("describe_table", "Describe table", "Show a table's columns (name, type, nullable, comment) and a few sample rows "
                + "(masked per policy). Use it before writing SQL against an unfamiliar table.", ToolSchemas.DESCRIBE_TABLE,
                ToolSchemas.GENERIC_OUTPUT), guarded(this::describeTable));
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

    /** Source problems (not open yet, unreachable) become tool errors the model can read. */
    private static dev.sluice.mcp.server.Handlers.ToolHandler guarded(dev.sluice.mcp.server.Handlers.ToolHandler handler) {
        return (args, ctx) -> {
            try {
                return handler.call(args, ctx);
            } catch (SourceException e) {
                return structured(ResultJson.error(e.getMessage()));
            }
        };
    }

    static Tool tool(String name, String title, String description, String input, String output) {
        return tool(name, title, description, of(input), output);
    }

    static Tool tool(String name, String title, String description, ObjectNode input, String output) {
        ObjectNode annotations = Json.object();
        annotations.put("title", title);
        annotations.put("readOnlyHint", true);
        annotations.put("openWorldHint", false);
        return Tool.of(name, description, input).withTitle(title).withOutputSchema(of(output)).withAnnotations(annotations);
    }

    static CallToolResult structured(ObjectNode body) {
        if (!body.has("success")) {
            body.put("success", true);
        }
        return new CallToolResult(List.of(Content.text(Json.text(body))), body, !body.path("success").asBoolean());
    }

    private ObjectNode testConnection(RequestContext ctx) {
        ObjectNode out = Json.object();
        boolean allOk = true;
        ArrayNode list = out.putArray("sources");
        List<Source> all;
        try {
            all = sources.all();
        } catch (SourceException e) {
            all = List.of();
            allOk = false;
            list.addObject().put("status", "error").put("error", e.getMessage());
        }
        for (Source s : all) {
            ObjectNode o = list.addObject();
            o.put("name", s.name());
            o.put("kind", s.kind());
            try {
                Duration latency = s.ping();
                o.put("status", "ok");
                o.put("latency_ms", Math.round(latency.toNanos() / 10_000.0) / 100.0);
            } catch (SourceException e) {
                allOk = false;
                o.put("status", "error");
                o.put("error", e.getMessage());
            }
        }
        out.put("status", allOk ? "ok" : "degraded");
        ObjectNode server = out.putObject("server");
        server.put("name", facts.name());
        server.put("version", facts.version());
        server.put("endpoint", facts.endpoint());
        server.put("uptime_seconds", Duration.between(facts.startedAt(), clock.instant()).toSeconds());
        server.put("client_protocol_version", ctx.caller().protocolVersion());
        facts.protocolVersions().forEach(server.putArray("protocol_versions")::add);
        ObjectNode llm = out.putObject("llm");
        if (answering == null) {
            llm.put("provider", "none");
            llm.put("note", "no text-to-SQL in this build: write SQL and pass it to execute_query as sql_query");
        } else {
            llm.put("provider", answering.describe(ctx));
        }
        ObjectNode guard = out.putObject("guard");
        guard.put("read_only", true);
        guard.put("statements_per_call", 1);
        guard.put("engine_read_only", true);
        guard.put("file_and_network_access", "refused");
        ArrayNode tips = out.putArray("tips");
        tips.add("Start with list_tables, then describe_table for the tables you need.");
        tips.add("Use fully qualified names (schema.table) when a name exists in several schemas.");
        tips.add("Results larger than max_rows come with a next_token: page with fetch_query_results.");
        return out;
    }

    private ObjectNode listSources() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("sources");
        for (Source s : sources.all()) {
            ObjectNode o = list.addObject();
            o.put("name", s.name());
            o.put("kind", s.kind());
            o.put("dialect", s.dialect().wireName());
            o.putNull("default_catalog");
            o.put("default_schema", s.defaultSchema());
            o.put("default", s == sources.defaultSource());
            SourceSettings settings = s.settings();
            o.put("max_rows", settings.maxRows());
            o.put("timeout_ms", settings.timeout().toMillis());
            o.put("writes", settings.allowWrites());
            s.capabilities().forEach(c -> o.withArray("capabilities").add(c.name().toLowerCase()));
        }
        return out;
    }

    private CallToolResult listTables(ObjectNode args, RequestContext ctx) {
        Optional<Source> source = source(args);
        if (source.isEmpty()) {
            return unknownSource(args);
        }
        Source s = source.get();
        try {
            ObjectNode out = Json.object();
            out.put("source", s.name());
            ArrayNode tables = out.putArray("tables");
            for (TableInfo t : s.listTables(text(args, "schema"), text(args, "pattern"))) {
                if (!runner.policyOf(s).permits(t.ref().display())) {
                    continue;
                }
                ObjectNode o = tables.addObject();
                o.put("name", t.ref().display());
                o.put("schema", t.ref().schema());
                o.put("table", t.ref().name());
                o.put("type", t.type());
                if (t.rowEstimate() == null) {
                    o.putNull("row_estimate");
                } else {
                    o.put("row_estimate", t.rowEstimate());
                }
                o.put("comment", t.comment());
            }
            out.put("count", tables.size());
            return structured(out);
        } catch (SourceException e) {
            return structured(ResultJson.error(e.getMessage()));
        }
    }

    private CallToolResult describeTable(ObjectNode args, RequestContext ctx) {
        Optional<Source> source = source(args);
        if (source.isEmpty()) {
            return unknownSource(args);
        }
        Source s = source.get();
        TableRef ref;
        try {
            ref = TableRef.parse(args.path("table").asText());
        } catch (IllegalArgumentException e) {
            return structured(ResultJson.error("table: " + e.getMessage()));
        }
        if (!runner.policyOf(s).permits(ref.display())) {
            return structured(ResultJson.error("Table " + ref.display() + " is not available through source " + s.name() + " (policy)."));
        }
        try {
            Optional<TableDetail> detail = s.describe(ref, 3);
            if (detail.isEmpty() || !runner.policyOf(s).permits(detail.get().table().ref().display())) {
                return structured(ResultJson.error("No table " + ref.display() + " in source " + s.name() + "."
                        + didYouMean(s, ref.name()) + " Use list_tables to see the tables."));
            }
            TableDetail d = detail.get();
            ObjectNode out = Json.object();
            out.put("source", s.name());
            out.put("table", d.table().ref().display());
            out.put("type", d.table().type());
            out.put("comment", d.table().comment());
            if (d.table().rowEstimate() != null) {
                out.put("row_estimate", d.table().rowEstimate());
            }
            ArrayNode columns = out.putArray("columns");
            d.columns().forEach(c -> columns.addObject().put("name", c.name()).put("type", c.type())
                    .put("nullable", c.nullable()).put("comment", c.comment()));
            ColumnMasks masks = runner.masksOf(s);
            List<ColumnMeta> metas = d.columns().stream().map(c -> new ColumnMeta(c.name(), c.type())).toList();
            String[] plan = masks.plan(metas);
            ArrayNode sample = out.putArray("sample_rows");
            for (ObjectNode row : d.sampleRows()) {
                JsonNode[] values = new JsonNode[metas.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.get(metas.get(i).name());
                }
                ColumnMasks.apply(plan, values);
                ObjectNode masked = sample.addObject();
                for (int i = 0; i < values.length; i++) {
                    masked.set(metas.get(i).name(), values[i]);
                }
            }
            return structured(out);
        } catch (SourceException e) {
            return structured(ResultJson.error(e.getMessage()));
        }
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
        Optional<Source> source = source(args);
        if (source.isEmpty()) {
            return new QueryTarget(null, 0, unknownSource(args));
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

    private Integer maxRows(ObjectNode args, Source s) {
        JsonNode v = args.get("max_rows");
        if (v == null || v.isNull()) {
            return s.settings().maxRows();
        }
        int n = v.asInt(-1);
        return n >= 1 && n <= s.settings().maxRows() ? n : null;
    }

    private Optional<Source> source(ObjectNode args) {
        String name = text(args, "source");
        return name == null ? Optional.of(sources.defaultSource()) : sources.get(name);
    }

    private CallToolResult unknownSource(ObjectNode args) {
        return structured(ResultJson.error("Unknown source '" + text(args, "source") + "'. Sources: " + String.join(", ", sources.names())));
    }

    private static String owner(RequestContext ctx) {
        String subject = ctx.caller().subject();
        return subject == null ? "anonymous" : subject;
    }

    static String text(ObjectNode args, String field) {
        JsonNode v = args.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private String hintFor(Source s, String message) {
        String lower = message.toLowerCase();
        if (lower.contains("does not exist") && (lower.contains("relation") || lower.contains("table"))) {
            return " Use list_tables to see the tables.";
        }
        return "";
    }

    private String didYouMean(Source s, String name) {
        List<String> names = new ArrayList<>();
        try {
            s.listTables(null, null).forEach(t -> {
                if (runner.policyOf(s).permits(t.ref().display())) {
                    names.add(t.ref().display());
                }
            });
        } catch (SourceException e) {
            return "";
        }
        List<String> close = names.stream()
                .sorted(Comparator.comparingInt(n -> Levenshtein.distance(n.substring(n.lastIndexOf('.') + 1).toLowerCase(), name.toLowerCase())))
                .limit(3)
                .filter(n -> Levenshtein.distance(n.substring(n.lastIndexOf('.') + 1).toLowerCase(), name.toLowerCase()) <= Math.max(2, name.length() / 3))
                .toList();
        return close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close) + "?";
    }
}
