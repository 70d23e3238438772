package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import static java.util.Objects.requireNonNull;

/**
 * Something the server needs from the client to finish a request: an elicitation, a sampling
 * completion or the client's roots. Legacy sessions send it as a server-to-client request;
 * 2026-07-28 returns it inside an {@code input_required} result.
 */
public record InputRequest(String method, ObjectNode params) {
    public static final String ELICIT = "elicitation/create";
    public static final String SAMPLE = "sampling/createMessage";
    public static final String ROOTS = "roots/list";

    public InputRequest {
        requireNonNull(method, "method is null");
        requireNonNull(params, "params is null");
        capabilityOf(method);
    }

    /** The client capability a request of this method needs. */
    public static String capabilityOf(String method) {
        return switch (method) {
            case ELICIT -> "elicitation";
            case SAMPLE -> "sampling";
            case ROOTS -> "roots";
            default -> throw new IllegalArgumentException("not an input request method: " + method);
        };
    }

    public String capability() {
        return capabilityOf(method);
    }

    public static InputRequest elicit(String message, ObjectNode requestedSchema) {
        ObjectNode p = Json.object();
        p.put("message", message);
        p.set("requestedSchema", requestedSchema);
        return new InputRequest(ELICIT, p);
    }

    /** A single user text message to complete. */
    public static InputRequest sample(String userText, int maxTokens) {
        ObjectNode p = Json.object();
        ObjectNode message = p.putArray("messages").addObject();
        message.put("role", "user");
        ObjectNode content = message.putObject("content");
        content.put("type", "text");
        content.put("text", userText);
        p.put("maxTokens", maxTokens);
        return new InputRequest(SAMPLE, p);
    }

    public static InputRequest listRoots() {
        return new InputRequest(ROOTS, Json.object());
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("method", method);
        n.set("params", params);
        return n;
    }
}
