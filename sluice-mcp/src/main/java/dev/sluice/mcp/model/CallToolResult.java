package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The result of a tool call. {@code isError} marks failures the model can act on (bad SQL, an
 * unknown table); protocol misuse is a JSON-RPC error instead.
 */
public record CallToolResult(List<Content> content, JsonNode structuredContent, boolean isError) {
    public CallToolResult {
        content = List.copyOf(requireNonNull(content, "content is null"));
    }

    public static CallToolResult text(String text) {
        return new CallToolResult(List.of(Content.text(text)), null, false);
    }

    public static CallToolResult error(String message) {
        return new CallToolResult(List.of(Content.text(message)), null, true);
    }

    /** Structured data, with its JSON text as the content block for clients that read only text. */
    public static CallToolResult structured(JsonNode data) {
        return new CallToolResult(List.of(Content.text(Json.text(data))), data, false);
    }

    public ObjectNode toJson(boolean includeStructured) {
        ObjectNode n = Json.object();
        ArrayNode items = n.putArray("content");
        for (Content c : content) {
            items.add(c.toJson());
        }
        if (structuredContent != null && includeStructured) {
            n.set("structuredContent", structuredContent);
        }
        if (isError) {
            n.put("isError", true);
        }
        return n;
    }
}
