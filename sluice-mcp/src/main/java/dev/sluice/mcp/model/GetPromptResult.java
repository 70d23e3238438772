package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A rendered prompt. */
public record GetPromptResult(String description, List<PromptMessage> messages) {
    public GetPromptResult {
        messages = List.copyOf(requireNonNull(messages, "messages is null"));
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        if (description != null) {
            n.put("description", description);
        }
        ArrayNode items = n.putArray("messages");
        messages.forEach(m -> items.add(m.toJson()));
        return n;
    }
}
