package dev.sluice.mcp.transport.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the Streamable HTTP endpoint.
 *
 * @param path            the MCP endpoint path, {@code /mcp}
 * @param maxBodyBytes    requests larger than this get 413
 * @param stateless       no sessions: legacy clients still work, but nothing is pushed to them
 * @param allowedHosts    Host header values (without port) accepted; empty accepts any host
 * @param allowedOrigins  browser origins accepted besides those on an allowed host
 * @param sessionIdle     idle legacy sessions are closed after this long
 * @param maxSessions     cap on open legacy sessions
 */
public record HttpTransportConfig(String path, int maxBodyBytes, boolean stateless, Set<String> allowedHosts,
                                  Set<String> allowedOrigins, Duration sessionIdle, int maxSessions) {
    public static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public HttpTransportConfig {
        requireNonNull(path, "path is null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, got " + path);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1, got " + maxSessions);
        }
        allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        allowedOrigins = Set.copyOf(allowedOrigins);
        requireNonNull(sessionIdle, "sessionIdle is null");
    }

    /** Defaults for a server bound to {@code host}: loopback binds accept only loopback Host headers. */
    public static HttpTransportConfig defaults(String host) {
        boolean loopback = isLoopback(host);
        return new HttpTransportConfig("/mcp", 4 * 1024 * 1024, false, loopback ? LOOPBACK_HOSTS : Set.of(), Set.of(),
                Duration.ofMinutes(30), 10_000);
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOOPBACK_HOSTS.contains(h) || h.startsWith("127.");
    }

    public HttpTransportConfig withStateless(boolean value) {
        return new HttpTransportConfig(path, maxBodyBytes, value, allowedHosts, allowedOrigins, sessionIdle, maxSessions);
    }

    public HttpTransportConfig withLimits(int bodyBytes, Duration idle, int sessions) {
        return new HttpTransportConfig(path, bodyBytes, stateless, allowedHosts, allowedOrigins, idle, sessions);
    }

    public HttpTransportConfig withAllowed(Set<String> hosts, Set<String> origins) {
        return new HttpTransportConfig(path, maxBodyBytes, stateless, hosts, origins, sessionIdle, maxSessions);
    }
}
