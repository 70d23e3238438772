package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;
import dev.sluice.sql.source.SourceSettings;
import dev.sluice.sql.source.Sources;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.sluice.sql.tools.ToolCalls.guarded;
import static dev.sluice.sql.tools.ToolCalls.structured;
import static dev.sluice.sql.tools.ToolCalls.tool;

/** {@code test_connection} and {@code list_sources}: is each source ready, and how is it configured. */
final class SourceTools {
    private final Sources sources;
    private final ServerFacts facts;
    private final Clock clock;
    private final QuestionAnswering answering;

    /** {@code answering} only names the LLM mode in test_connection; null for none. */
    SourceTools(Sources sources, ServerFacts facts, Clock clock, QuestionAnswering answering) {
        this.sources = sources;
        this.facts = facts;
        this.clock = clock;
        this.answering = answering;
    }

    void register(McpServer.Builder b) {
        // Not guarded: test_connection reports source problems in its body instead of failing.
        b.tool(tool("test_connection", "Test connection", "Check that Sluice is reachable and report the readiness of every "
                + "data source (ok or error, latency), the LLM mode and the SQL guard settings. Call this first when something does not work.",
                ToolSchemas.NONE, ToolSchemas.GENERIC_OUTPUT), (args, ctx) -> structured(testConnection(ctx)));
        b.tool(tool("list_sources", "List sources", "List the configured data sources: name, kind, SQL dialect, default schema, "
                + "and which one is used when a tool call names none.", ToolSchemas.NONE, ToolSchemas.GENERIC_OUTPUT),
                guarded((args, ctx) -> structured(listSources())));
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
}
