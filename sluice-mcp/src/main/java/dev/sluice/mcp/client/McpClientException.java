package dev.sluice.mcp.client;

import dev.sluice.mcp.McpError;

/** A request failed: the server answered with an HTTP error or a JSON-RPC error. */
public final class McpClientException extends RuntimeException {
    private final int httpStatus;
    private final McpError error;

    public McpClientException(String message, int httpStatus, McpError error) {
        super(message);
        this.httpStatus = httpStatus;
        this.error = error;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The JSON-RPC error, if the server sent one. */
    public McpError error() {
        return error;
    }
}
