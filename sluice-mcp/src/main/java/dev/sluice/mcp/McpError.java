package dev.sluice.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A JSON-RPC error that a request ends with. Carries the code, a one-sentence message and
 * optional structured data exactly as they go on the wire.
 */
public final class McpError extends RuntimeException {
    private final int code;
    private final JsonNode data;
    /** For HTTP transports: a status other than the era's default (0: none) and headers to send with it. */
    private final int httpStatus;
    private final java.util.Map<String, String> httpHeaders;

    public McpError(int code, String message, JsonNode data) {
        this(code, message, data, 0, java.util.Map.of());
    }

    private McpError(int code, String message, JsonNode data, int httpStatus, java.util.Map<String, String> httpHeaders) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
        this.httpStatus = httpStatus;
        this.httpHeaders = java.util.Map.copyOf(httpHeaders);
    }

    /**
     * The caller is authenticated but lacks a scope: HTTP transports answer 403 with this
     * {@code WWW-Authenticate} challenge so the client can ask for the scope (step-up).
     */
    public static McpError insufficientScope(String detail, String wwwAuthenticate) {
        return new McpError(ErrorCodes.INVALID_REQUEST, "Forbidden: " + detail, null, 403,
                java.util.Map.of("WWW-Authenticate", wwwAuthenticate));
    }

    /** Too many requests: HTTP transports answer 429 with {@code Retry-After}. */
    public static McpError rateLimited(String detail, long retryAfterSeconds) {
        return new McpError(ErrorCodes.SERVER_BUSY, "Too many requests: " + detail, null, 429,
                java.util.Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** The HTTP status this error asks for, or 0 to use the transport's default. */
    public int httpStatus() {
        return httpStatus;
    }

    public java.util.Map<String, String> httpHeaders() {
        return httpHeaders;
    }

    public McpError(int code, String message) {
        this(code, message, null);
    }

    public int code() {
        return code;
    }

    public JsonNode data() {
        return data;
    }

    public static McpError parseError(String detail) {
        return new McpError(ErrorCodes.PARSE_ERROR, "Parse error: " + detail);
    }

    public static McpError invalidRequest(String detail) {
        return new McpError(ErrorCodes.INVALID_REQUEST, "Invalid request: " + detail);
    }

    public static McpError methodNotFound(String method) {
        return new McpError(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method);
    }

    public static McpError invalidParams(String detail) {
        return new McpError(ErrorCodes.INVALID_PARAMS, "Invalid params: " + detail);
    }

    public static McpError internal(String detail) {
        return new McpError(ErrorCodes.INTERNAL_ERROR, "Internal error: " + detail);
    }

    public static McpError headerMismatch(String detail) {
        return new McpError(ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + detail);
    }

    public static McpError missingCapability(String capability) {
        ObjectNode data = Json.object();
        data.putObject("requiredCapabilities").putObject(capability);
        return new McpError(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
                "This request needs the client capability '" + capability + "', which the client did not declare", data);
    }

    public static McpError unsupportedVersion(String requested, List<String> supported) {
        ObjectNode data = Json.object();
        supported.forEach(data.putArray("supported")::add);
        if (requested == null) {
            data.putNull("requested");
        } else {
            data.put("requested", requested);
        }
        return new McpError(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
                "Unsupported protocol version: " + requested + " (supported: " + String.join(", ", supported) + ")", data);
    }
}
