package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import static java.util.Objects.requireNonNull;

/** The contents of a resource: text or a base64 blob. */
public record ResourceContents(String uri, String mimeType, String text, String blob) {
    public ResourceContents {
        requireNonNull(uri, "uri is null");
        if ((text == null) == (blob == null)) {
            throw new IllegalArgumentException("resource contents have exactly one of text and blob");
        }
    }

    public static ResourceContents text(String uri, String mimeType, String text) {
        return new ResourceContents(uri, mimeType, text, null);
    }

    public static ResourceContents blob(String uri, String mimeType, String base64) {
        return new ResourceContents(uri, mimeType, null, base64);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("uri", uri);
        if (mimeType != null) {
            n.put("mimeType", mimeType);
        }
        if (text != null) {
            n.put("text", text);
        } else {
            n.put("blob", blob);
        }
        return n;
    }
}
