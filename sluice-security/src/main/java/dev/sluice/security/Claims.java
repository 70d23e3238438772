package dev.sluice.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reading claim values the way identity providers shape them. */
public final class Claims {
    private Claims() {
    }

    /**
     * The claim {@code name}; when absent and the name has dots, the nested value along that path
     * (Keycloak's {@code realm_access.roles}). Names that contain dots themselves (Auth0's
     * {@code https://example.com/roles}) are found by the exact lookup first.
     */
    public static Object lookup(Map<String, Object> claims, String name) {
        Object exact = claims.get(name);
        if (exact != null || !name.contains(".")) {
            return exact;
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** A claim as a list of strings: a space-separated string, or an array of strings. */
    public static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            for (String part : s.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof String s && !s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
