package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;

/**
 * What a transport offers the dispatcher for one incoming request: a way to send messages
 * related to it before the response (notifications, and on legacy sessions server-to-client
 * requests), and its cancellation signal.
 */
public interface RequestChannel {
    /** Sends a notification tied to this request (progress, log messages). */
    void notify(ObjectNode notification);

    /**
     * Sends a server-to-client request and waits for the client's result. Only legacy transports
     * support this; modern requests use input_required results instead.
     *
     * @throws dev.sluice.mcp.McpError when the client answers with an error, the wait times out,
     *                                 or this channel cannot carry requests
     */
    JsonNode request(String method, ObjectNode params, Duration timeout);

    /** Sends a keep-alive (an SSE comment on HTTP) and throws if the peer has gone away. */
    default void keepAlive() {
    }

    Cancellation cancellation();

    /**
     * A channel for running handlers outside any transport (benchmarks, tests, batch jobs): it
     * drops notifications and refuses server-to-client requests.
     */
    static RequestChannel detached(Cancellation cancellation) {
        return new RequestChannel() {
            @Override
            public void notify(ObjectNode notification) {
            }

            @Override
            public JsonNode request(String method, ObjectNode params, Duration timeout) {
                throw dev.sluice.mcp.McpError.invalidRequest(method + " needs a connected client");
            }

            @Override
            public Cancellation cancellation() {
                return cancellation;
            }
        };
    }
}
