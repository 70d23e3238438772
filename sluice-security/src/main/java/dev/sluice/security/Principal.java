package dev.sluice.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The authenticated caller as tools, policy, limits and audit see it. Never carries the credential
 * itself: claims are the token's payload (already verified), scopes are what the caller may do.
 *
 * @param subject     stable identifier: the token's {@code sub} (or client id), or {@code apikey:<name>}
 * @param method      how the caller authenticated
 * @param scopes      granted scopes, roles already mapped; {@value #ALL_SCOPES} grants every scope
 * @param claims      verified token claims (JSON values: String, Number, Boolean, List, Map); for API
 *                    keys {@code key_id} and {@code key_name}; empty for the anonymous principal
 * @param displayName a human label for logs and the console (name, username, e-mail or key name)
 */
public record Principal(String subject, AuthMethod method, Set<String> scopes, Map<String, Object> claims,
                        String displayName) {
    /** The scope that grants everything. */
    public static final String ALL_SCOPES = "*";
    private static final Principal ANONYMOUS = new Principal("anonymous", AuthMethod.NONE, Set.of(ALL_SCOPES), Map.of(),
            "anonymous (auth: none)");

    public Principal {
        requireNonNull(subject, "subject is null");
        requireNonNull(method, "method is null");
        requireNonNull(displayName, "displayName is null");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject is blank");
        }
        scopes = Set.copyOf(new TreeSet<>(requireNonNull(scopes, "scopes is null")));
        Map<String, Object> copy = new LinkedHashMap<>();
        requireNonNull(claims, "claims is null").forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        claims = java.util.Collections.unmodifiableMap(copy);
    }

    /** The caller when authentication is off ({@code auth:} absent): holds every scope, no claims. */
    public static Principal anonymous() {
        return ANONYMOUS;
    }

    /** True when the caller holds {@code scope} or {@value #ALL_SCOPES}. */
    public boolean hasScope(String scope) {
        return scopes.contains(ALL_SCOPES) || scopes.contains(scope);
    }

    /** A claim by name; a name with dots that is not itself a claim walks nested objects ({@code realm_access.roles}). */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(Claims.lookup(claims, name));
    }

    public boolean isAnonymous() {
        return method == AuthMethod.NONE;
    }

    @Override
    public String toString() {
        return "Principal[" + method + " " + subject + ", scopes=" + new TreeSet<>(scopes) + "]";
    }
}
