package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

/**
 * Who is calling and how: the protocol revision of this request, the client's self-description,
 * its declared capabilities, and (for legacy sessions) the session. Modern requests build one
 * from each request's {@code _meta}; legacy requests take it from the session. {@code subject}
 * names the authenticated principal when there is one; it binds multi-round state to its owner.
 * {@code principal} is that principal as the security layer represents it (scopes, claims): the
 * protocol layer carries it without looking inside.
 */
public record Caller(String protocolVersion, boolean modern, JsonNode clientInfo, ObjectNode capabilities,
                     LogLevel requestLogLevel, Session session, String subject, Object principal) {

    public Caller {
        if (capabilities == null) {
            capabilities = Json.object();
        }
    }

    /** A caller nobody authenticated (no security layer, or before it ran). */
    public Caller(String protocolVersion, boolean modern, JsonNode clientInfo, ObjectNode capabilities,
                  LogLevel requestLogLevel, Session session, String subject) {
        this(protocolVersion, modern, clientInfo, capabilities, requestLogLevel, session, subject, null);
    }

    public Caller withSubject(String newSubject) {
        return new Caller(protocolVersion, modern, clientInfo, capabilities, requestLogLevel, session, newSubject, principal);
    }

    public Caller withPrincipal(String newSubject, Object newPrincipal) {
        return new Caller(protocolVersion, modern, clientInfo, capabilities, requestLogLevel, session, newSubject, newPrincipal);
    }

    /** The security layer's principal if it is of {@code type}. */
    public <T> java.util.Optional<T> principal(Class<T> type) {
        return type.isInstance(principal) ? java.util.Optional.of(type.cast(principal)) : java.util.Optional.empty();
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
