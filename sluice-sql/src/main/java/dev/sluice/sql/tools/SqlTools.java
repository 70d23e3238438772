package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.result.ResultPage;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.Sources;

import java.util.ArrayList;
import java.util.List;

/** Registers the configured parameterised SQL tools; each runs through the same guard and limits as execute_query. */
public final class SqlTools {
    private SqlTools() {
    }

    public static void register(McpServer.Builder b, List<SqlToolDefinition> definitions, Sources sources, QueryRunner runner) {
        for (SqlToolDefinition d : definitions) {
            b.tool(ToolCalls.tool(d.name(), d.name(), d.description(), inputSchema(d), ToolSchemas.EXECUTE_OUTPUT), (args, ctx) -> {
                try {
                    Source source = d.source() == null ? sources.defaultSource() : sources.get(d.source()).orElseThrow();
                    return call(d, source, runner, args, ctx);
                } catch (dev.sluice.sql.source.SourceException e) {
                    return ToolCalls.structured(ResultJson.error(e.getMessage()));
                }
            });
        }
    }

    static ObjectNode inputSchema(SqlToolDefinition d) {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        List<String> required = new ArrayList<>();
        for (SqlToolDefinition.Parameter p : d.parameters()) {
            ObjectNode prop = properties.putObject(p.name());
            prop.put("type", p.type());
            if (p.description() != null) {
                prop.put("description", p.description());
            }
            if (p.defaultValue() != null) {
                prop.set("default", Json.MAPPER.valueToTree(p.defaultValue()));
            }
            if (p.required()) {
                required.add(p.name());
            }
        }
        if (!required.isEmpty()) {
            required.forEach(schema.putArray("required")::add);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static CallToolResult call(SqlToolDefinition d, Source source, QueryRunner runner, ObjectNode args, RequestContext ctx) {
        List<Object> values = new ArrayList<>();
        for (String name : d.bindOrder()) {
            SqlToolDefinition.Parameter p = d.parameters().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            JsonNode v = args.get(name);
            if (v == null || v.isNull()) {
                if (p.defaultValue() == null && p.required()) {
                    return ToolCalls.structured(ResultJson.error("missing required parameter '" + name + "'"));
                }
                values.add(p.defaultValue());
                continue;
            }
            Object bound = switch (p.type()) {
                case "integer" -> v.canConvertToLong() && v.isIntegralNumber() ? (Object) v.asLong() : null;
                case "number" -> v.isNumber() ? v.decimalValue() : null;
                case "boolean" -> v.isBoolean() ? v.asBoolean() : null;
                default -> v.isTextual() ? v.asText() : null;
            };
            if (bound == null) {
                return ToolCalls.structured(ResultJson.error("parameter '" + name + "' must be " + (p.type().equals("integer") ? "an " : "a ") + p.type()));
            }
            values.add(bound);
        }
        QueryOutcome outcome = runner.run(source, d.boundStatement(), values, source.settings().maxRows(),
                ctx.caller().subject() == null ? "anonymous" : ctx.caller().subject(), ctx);
        ObjectNode out = Json.object();
        out.put("source", source.name());
        out.put("sql", d.statement());
        switch (outcome) {
            case QueryOutcome.Refused r -> {
                out.put("success", false);
                out.put("error", r.message());
                out.putObject("guard").put("decision", "refused").put("rule", r.rule());
            }
            case QueryOutcome.Failed f -> {
                out.put("success", false);
                out.put("error", "The query failed in " + source.kind() + ": " + f.message());
            }
            case QueryOutcome.Done done -> {
                ResultPage page = done.firstPage();
                out.put("success", true);
                out.put("query_execution_id", page.queryExecutionId());
                ResultJson.putPage(out, page);
                out.put("truncated", page.nextToken() != null || page.truncated());
                out.put("total_row_count", page.totalRows());
                out.put("elapsed_ms", done.elapsedMillis());
                out.put("summary", QueryTools.summary(page, null));
            }
        }
        return ToolCalls.structured(out);
    }
}
