package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Thrown out of a handler (by {@link RequestContext#ask}) when a modern request needs input the
 * client has not given yet; the dispatcher turns it into an {@code input_required} result.
 */
public final class InputRequired extends RuntimeException {
    private final ObjectNode inputRequests;
    private final String requestState;

    InputRequired(ObjectNode inputRequests, String requestState) {
        super("input required", null, false, false);
        this.inputRequests = inputRequests;
        this.requestState = requestState;
    }

    public ObjectNode toResult() {
        ObjectNode result = dev.sluice.mcp.Json.object();
        result.put("resultType", "input_required");
        result.set("inputRequests", inputRequests);
        result.put("requestState", requestState);
        return result;
    }
}
