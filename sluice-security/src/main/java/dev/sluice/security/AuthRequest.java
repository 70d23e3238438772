package dev.sluice.security;

import java.util.List;

/**
 * The parts of an HTTP request that authentication reads. The HTTP layer adapts its request type
 * to this; nothing else of the request reaches this module.
 */
public interface AuthRequest {
    /** Every value of the header {@code name} (case-insensitive), in order; empty when absent. */
    List<String> headers(String name);

    /** Every value of the query parameter {@code name} (exact name, already URL-decoded); empty when absent. */
    List<String> queryParameters(String name);

    /** A request built from plain maps, for tests and non-HTTP transports. Header names are case-insensitive. */
    static AuthRequest of(java.util.Map<String, List<String>> headers, java.util.Map<String, List<String>> query) {
        java.util.Map<String, List<String>> h = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        java.util.Map<String, List<String>> q = java.util.Map.copyOf(query);
        return new AuthRequest() {
            @Override
            public List<String> headers(String name) {
                return h.getOrDefault(name, List.of());
            }

            @Override
            public List<String> queryParameters(String name) {
                return q.getOrDefault(name, List.of());
            }
        };
    }
}
