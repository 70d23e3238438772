package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.ProtocolVersion;

/**
 * Reads the per-request {@code _meta} of 2026-07-28 requests, in the order the specification
 * fixes: required keys first (-32602), then the header/body version match (-32020), then
 * whether the version is supported (-32022).
 */
public final class ModernMeta {
    public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    private ModernMeta() {
    }

    /**
     * @param headerVersion the MCP-Protocol-Version header, or null on transports without headers
     * @param checkHeader   whether the transport has such a header to compare (HTTP)
     */
    public static Caller caller(ObjectNode params, String headerVersion, boolean checkHeader) {
        JsonNode meta = params.get("_meta");
        if (meta == null || !meta.isObject()) {
            throw McpError.invalidParams("params._meta is required on " + ProtocolVersion.LATEST
                    + " requests (protocolVersion, clientCapabilities, clientInfo)");
        }
        JsonNode version = meta.get(PROTOCOL_VERSION);
        if (version == null || !version.isTextual()) {
            throw McpError.invalidParams("params._meta[\"" + PROTOCOL_VERSION + "\"] is required and must be a string");
        }
        JsonNode capabilities = meta.get(CLIENT_CAPABILITIES);
        if (capabilities == null || !capabilities.isObject()) {
            throw McpError.invalidParams("params._meta[\"" + CLIENT_CAPABILITIES + "\"] is required and must be an object");
        }
        if (checkHeader && !version.asText().equals(headerVersion)) {
            throw McpError.headerMismatch("MCP-Protocol-Version header '" + headerVersion
                    + "' does not match params._meta protocolVersion '" + version.asText() + "'");
        }
        if (!ProtocolVersion.isModern(version.asText())) {
            throw McpError.unsupportedVersion(version.asText(), ProtocolVersion.MODERN);
        }
        LogLevel logLevel = null;
        JsonNode level = meta.get(LOG_LEVEL);
        if (level != null) {
            logLevel = LogLevel.fromWire(level.asText(null));
            if (logLevel == null) {
                throw McpError.invalidParams("params._meta[\"" + LOG_LEVEL + "\"] must be a log level such as \"info\", got " + level);
            }
        }
        JsonNode clientInfo = meta.get(CLIENT_INFO);
        return new Caller(version.asText(), true, clientInfo != null && clientInfo.isObject() ? clientInfo : null,
                (ObjectNode) capabilities, logLevel, null, null);
    }
}
