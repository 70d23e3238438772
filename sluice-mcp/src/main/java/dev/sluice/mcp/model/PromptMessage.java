package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import static java.util.Objects.requireNonNull;

/** One message of a rendered prompt. */
public record PromptMessage(String role, Content content) {
    public PromptMessage {
        requireNonNull(role, "role is null");
        requireNonNull(content, "content is null");
        if (!role.equals("user") && !role.equals("assistant")) {
            throw new IllegalArgumentException("role must be user or assistant, got " + role);
        }
    }

    public static PromptMessage user(Content content) {
        return new PromptMessage("user", content);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("role", role);
        n.set("content", content.toJson());
        return n;
    }
}
