package dev.sluice.core.config;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The {@code server:} section.
 *
 * @param requestStateKey secret for sealing multi round-trip state; instances behind one load
 *                        balancer must share it (null: a random key per process)
 */
public record ServerSettings(String host, int port, boolean stateless, List<String> allowedHosts,
                             List<String> allowedOrigins, int maxBodyBytes, Duration sessionIdleTimeout,
                             int maxSessions, String requestStateKey) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerSettings {
        requireNonNull(host, "host is null");
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, false, List.of(), List.of(), 4 * 1024 * 1024,
                Duration.ofMinutes(30), 10_000, null);
    }

    public ServerSettings withHostAndPort(String newHost, Integer newPort) {
        return new ServerSettings(newHost == null ? host : newHost, newPort == null ? port : newPort, stateless,
                allowedHosts, allowedOrigins, maxBodyBytes, sessionIdleTimeout, maxSessions, requestStateKey);
    }

    static ServerSettings read(ConfigNode n) {
        ServerSettings d = defaults();
        ServerSettings s = new ServerSettings(
                n.string("host", d.host()),
                n.integer("port", d.port(), 0, 65535),
                n.bool("stateless", d.stateless()),
                n.strings("allowed_hosts"),
                n.strings("allowed_origins"),
                n.integer("max_body_bytes", d.maxBodyBytes(), 1024, 256 * 1024 * 1024),
                n.duration("session_idle_timeout", d.sessionIdleTimeout()),
                n.integer("max_sessions", d.maxSessions(), 1, 1_000_000),
                n.string("request_state_key", null));
        if (s.requestStateKey() != null && s.requestStateKey().length() < 16) {
            throw n.error("request_state_key", "must be at least 16 characters");
        }
        n.rejectUnknownKeys();
        return s;
    }
}
