package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import static java.util.Objects.requireNonNull;

/** A concrete resource as listed by {@code resources/list}. */
public record Resource(String uri, String name, String title, String description, String mimeType) {
    public Resource {
        requireNonNull(uri, "uri is null");
        requireNonNull(name, "name is null");
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("uri", uri);
        n.put("name", name);
        if (title != null) {
            n.put("title", title);
        }
        if (description != null) {
            n.put("description", description);
        }
        if (mimeType != null) {
            n.put("mimeType", mimeType);
        }
        return n;
    }
}
