package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Content;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.Handlers.ToolHandler;
import dev.sluice.sql.source.SourceException;

import java.util.List;

import static dev.sluice.sql.tools.ToolSchemas.of;

/** What every data tool does the same way: a read-only definition, a structured result, text arguments. */
final class ToolCalls {
    private ToolCalls() {
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

    /** Source problems (not open yet, unreachable) become tool errors the model can read. */
    static ToolHandler guarded(ToolHandler handler) {
        return (args, ctx) -> {
            try {
                return handler.call(args, ctx);
            } catch (SourceException e) {
                return structured(ResultJson.error(e.getMessage()));
            }
        };
    }

    /** The argument's text, or null when it is absent, null or blank. */
    static String text(ObjectNode args, String field) {
        JsonNode v = args.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
