package dev.sluice.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static java.util.Objects.requireNonNull;

/** One JSON-RPC 2.0 message. Parameters are kept as a JSON tree: MCP params are open-ended. */
public sealed interface JsonRpcMessage {

    /** A request: has an id and expects exactly one response. */
    record Request(JsonNode id, String method, ObjectNode params) implements JsonRpcMessage {
        public Request {
            requireNonNull(id, "id is null");
            requireNonNull(method, "method is null");
            requireNonNull(params, "params is null");
        }
    }

    /** A notification: no id, no response. */
    record Notification(String method, ObjectNode params) implements JsonRpcMessage {
        public Notification {
            requireNonNull(method, "method is null");
            requireNonNull(params, "params is null");
        }
    }

    /** A response to a request we sent: exactly one of result and error is non-null. */
    record Response(JsonNode id, JsonNode result, ObjectNode error) implements JsonRpcMessage {
        public Response {
            requireNonNull(id, "id is null");
            if ((result == null) == (error == null)) {
                throw new IllegalArgumentException("a response has exactly one of result and error");
            }
        }

        public boolean isError() {
            return error != null;
        }
    }
}
