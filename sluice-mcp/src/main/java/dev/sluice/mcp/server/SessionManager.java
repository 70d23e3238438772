package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.McpError;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Legacy sessions: creation with unguessable ids, lookup, deletion, idle eviction and a cap.
 * The clock is injected so tests advance time instead of sleeping.
 */
public final class SessionManager {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxSessions;
    private final SubscriptionHub hub;

    public SessionManager(Clock clock, Duration idleTimeout, int maxSessions, SubscriptionHub hub) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
        this.hub = hub;
    }

    public Session create(String protocolVersion, JsonNode clientInfo, ObjectNode capabilities) {
        if (sessions.size() >= maxSessions) {
            evictIdle();
            if (sessions.size() >= maxSessions) {
                throw new McpError(ErrorCodes.SERVER_BUSY,
                        "Too many open sessions (" + maxSessions + "); close unused sessions with HTTP DELETE or retry later");
            }
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = new Session(id, protocolVersion, clientInfo, capabilities, clock.millis());
        sessions.put(id, session);
        return session;
    }

    /** The live session with this id, touched as active. */
    public Optional<Session> find(String id) {
        Session s = sessions.get(id);
        if (s == null || s.isClosed()) {
            return Optional.empty();
        }
        s.touch(clock.millis());
        return Optional.of(s);
    }

    public boolean delete(String id) {
        Session s = sessions.remove(id);
        if (s == null) {
            return false;
        }
        closeSession(s);
        return true;
    }

    /** Closes sessions idle for longer than the timeout; returns how many. */
    public int evictIdle() {
        long cutoff = clock.millis() - idleTimeout.toMillis();
        int evicted = 0;
        for (Session s : sessions.values()) {
            if (s.lastActiveMillis() < cutoff && s.inFlight().size() == 0 && s.standaloneStream() == null) {
                if (sessions.remove(s.id(), s)) {
                    closeSession(s);
                    evicted++;
                }
            }
        }
        return evicted;
    }

    public int size() {
        return sessions.size();
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public void closeAll() {
        sessions.values().forEach(this::closeSession);
        sessions.clear();
    }

    private void closeSession(Session s) {
        Subscriber stream = s.standaloneStream();
        if (stream != null) {
            hub.remove(stream);
        }
        s.close();
    }
}
