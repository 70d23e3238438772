package dev.sluice.mcp;

/** JSON-RPC and MCP error codes. */
public final class ErrorCodes {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Legacy revisions: the session named in Mcp-Session-Id does not exist (TypeScript SDK convention). */
    public static final int SESSION_NOT_FOUND = -32001;
    /** Legacy revisions: resources/read of an unknown URI. 2026-07-28 uses INVALID_PARAMS instead. */
    public static final int LEGACY_RESOURCE_NOT_FOUND = -32002;
    public static final int HEADER_MISMATCH = -32020;
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
    /** Sluice: the request was refused by a server limit (sessions, rate, concurrency). */
    public static final int SERVER_BUSY = -32050;
    /** Sluice: the request was cancelled before it completed. */
    public static final int REQUEST_CANCELLED = -32051;

    private ErrorCodes() {
    }
}
