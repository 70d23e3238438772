package dev.sluice.mcp.transport.http;

import java.net.URI;
import java.util.Locale;

/**
 * DNS-rebinding protection: a request's Host must name this server and a browser's Origin must be
 * one we trust. A rebinding page reaches 127.0.0.1 under its own host name, which fails both.
 */
final class OriginGuard {
    private final HttpTransportConfig config;

    OriginGuard(HttpTransportConfig config) {
        this.config = config;
    }

    /** Why the request is refused, or null if it may proceed. */
    String refusal(String host, String origin) {
        if (!config.allowedHosts().isEmpty()) {
            if (host == null || !config.allowedHosts().contains(hostName(host))) {
                return "Host header '" + host + "' is not allowed";
            }
        }
        if (origin != null && !originAllowed(origin)) {
            return "Origin '" + origin + "' is not allowed";
        }
        return null;
    }

    private boolean originAllowed(String origin) {
        if (config.allowedOrigins().contains(origin) || config.allowedOrigins().contains("*")) {
            return true;
        }
        if (config.allowedHosts().isEmpty()) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String scheme = uri.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return false;
            }
            return config.allowedHosts().contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** "127.0.0.1:8080" → "127.0.0.1"; "[::1]:8080" → "[::1]". */
    static String hostName(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
