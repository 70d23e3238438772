package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

/**
 * Who is calling and how: the protocol revision of this request, the client's self-description,
 * its declared capabilities, and (for legacy sessions) the session. Modern requests build one
 * from each request's {@code _meta}; legacy requests take it from the session. {@code subject}
 * names the authenticated principal when there is one; it binds multi-round state to its owner.
 */
public record Caller(String protocolVersion, boolean modern, JsonNode clientInfo, ObjectNode capabilities,
                     LogLevel requestLogLevel, Session session, String subject) {

    public Caller {
        if (capabilities == null) {
            capabilities = Json.object();
        }
    }

    public Caller withSubject(String newSubject) {
        return new Caller(protocolVersion, modern, clientInfo, capabilities, requestLogLevel, session, newSubject);
    }

    public boolean supports(String capability) {
        JsonNode c = capabilities.get(capability);
        return c != null && c.isObject();
    }

    /** The level at or above which log notifications go out for this request; null means none. */
    public LogLevel effectiveLogLevel() {
        if (modern) {
            return requestLogLevel;
        }
        return session != null ? session.logLevel() : LogLevel.DEBUG;
    }

    public String clientName() {
        return clientInfo == null ? null : clientInfo.path("name").asText(null);
    }

    public String clientVersion() {
        return clientInfo == null ? null : clientInfo.path("version").asText(null);
    }
}
