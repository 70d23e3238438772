package dev.sluice.security.apikey;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What may be shown about a stored key: never the key or its hash.
 *
 * @param revokedAt when {@code sluice keys revoke} revoked it, or null while active
 */
public record ApiKeyInfo(String id, String name, List<String> scopes, Instant createdAt, Instant revokedAt) {
    public ApiKeyInfo {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        scopes = List.copyOf(requireNonNull(scopes, "scopes is null"));
        requireNonNull(createdAt, "createdAt is null");
    }

    public boolean active() {
        return revokedAt == null;
    }
}
