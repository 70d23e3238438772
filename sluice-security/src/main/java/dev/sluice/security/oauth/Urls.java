package dev.sluice.security.oauth;

import java.net.URI;
import java.util.Locale;

/** URL rules for issuers and key endpoints: https, or http to a loopback host (development and tests). */
public final class Urls {
    private Urls() {
    }

    /** A problem with {@code url} as a secure endpoint, or null when it is fine. */
    public static String problem(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "must be a URL such as https://issuer.example, got '" + url + "'";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "must be an absolute https URL, got '" + url + "'";
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return "must use https (plain http is accepted only for localhost / 127.0.0.1), got '" + url + "'";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "must not have a query or fragment, got '" + url + "'";
        }
        return null;
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
