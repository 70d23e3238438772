package dev.sluice.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds {@code WWW-Authenticate: Bearer ...} values (RFC 6750 section 3, RFC 9728 section 5.1):
 * parameters in the order added, values quoted. RFC 6750 allows only printable ASCII without {@code "} and
 * {@code \} inside values, so quotes become {@code '}, backslashes {@code /}, other characters {@code ?}.
 */
public final class BearerChallenge {
    private final List<String> params = new ArrayList<>();

    private BearerChallenge() {
    }

    public static BearerChallenge bearer() {
        return new BearerChallenge();
    }

    /** Adds {@code name="value"}; a null or empty value adds nothing. */
    public BearerChallenge param(String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.add(name + "=\"" + quote(value) + "\"");
        }
        return this;
    }

    /** Adds {@code scope="a b c"}; an empty collection adds nothing. */
    public BearerChallenge scope(Collection<String> scopes) {
        return param("scope", String.join(" ", scopes));
    }

    @Override
    public String toString() {
        return params.isEmpty() ? "Bearer" : "Bearer " + String.join(", ", params);
    }

    private static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '"') {
                sb.append('\'');
            } else if (c == '\\') {
                sb.append('/');
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append('?');
            }
        }
        return sb.toString();
    }
}
