package dev.sluice.core.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.Handlers;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code test_connection}: readiness of the server and everything behind it. It reports only
 * what this build really has: no data sources or LLM are wired in yet, and it says so.
 */
public final class TestConnectionTool {
    public static final String NAME = "test_connection";

    private TestConnectionTool() {
    }

    public static Tool definition() {
        ObjectNode output = (ObjectNode) Json.parse("""
                {"type":"object","properties":{
                  "status":{"type":"string","enum":["ok","degraded"]},
                  "server":{"type":"object"},
                  "sources":{"type":"array","items":{"type":"object"}},
                  "llm":{"type":"object"},
                  "guard":{"type":"object"},
                  "tips":{"type":"array","items":{"type":"string"}}},
                 "required":["status","server","sources","llm","guard","tips"]}""");
        ObjectNode annotations = Json.object();
        annotations.put("title", "Test connection");
        annotations.put("readOnlyHint", true);
        annotations.put("idempotentHint", true);
        annotations.put("openWorldHint", false);
        return Tool.of(NAME, "Check that Sluice is reachable and report the readiness of every data source, "
                        + "the LLM mode and the SQL guard settings. Call this first when something does not work.",
                        Tool.emptyObjectSchema())
                .withTitle("Test connection")
                .withOutputSchema(output)
                .withAnnotations(annotations);
    }

    public static Handlers.ToolHandler handler(ServerFacts facts, Clock clock) {
        return (arguments, context) -> {
            ObjectNode report = Json.object();
            report.put("status", "ok");
            ObjectNode server = report.putObject("server");
            server.put("name", facts.name());
            server.put("version", facts.version());
            server.put("endpoint", facts.endpoint());
            server.put("mode", facts.stateless() ? "stateless" : "sessions and stateless");
            server.put("uptime_seconds", Duration.between(facts.startedAt(), clock.instant()).toSeconds());
            server.put("client_protocol_version", context.caller().protocolVersion());
            facts.protocolVersions().forEach(server.putArray("protocol_versions")::add);
            server.put("java", Runtime.version().toString());
            report.putArray("sources");
            ObjectNode llm = report.putObject("llm");
            llm.put("provider", "none");
            llm.put("note", "text-to-SQL is not part of this build yet");
            ObjectNode guard = report.putObject("guard");
            guard.put("read_only", true);
            guard.put("sql_execution", "not available in this build: no data sources are wired in yet");
            report.putArray("tips").add("This build serves the MCP protocol foundation; data tools "
                    + "(list_tables, execute_query, ...) arrive with the data plane.");
            return CallToolResult.structured(report);
        };
    }
}
