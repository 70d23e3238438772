package dev.sluice.security.apikey;

import dev.sluice.security.AuthMethod;
import dev.sluice.security.CredentialCheck;
import dev.sluice.security.Principal;
import dev.sluice.security.RefusalReason;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Checks a presented API key against the keys of {@code auth.api_keys} and the key file. Keys in the
 * generated format are looked up by id in the file; any key is also compared with every inline key.
 * All comparisons are of SHA-256 hashes with {@link java.security.MessageDigest#isEqual}.
 * The principal is {@code apikey:<name>} with the key's scopes and claims {@code key_id}, {@code key_name}.
 */
public final class ApiKeyVerifier {
    private final List<InlineApiKey> inline;
    private final ApiKeyStore store;

    /** @param store the key file, or null when only inline keys count */
    public ApiKeyVerifier(List<InlineApiKey> inline, ApiKeyStore store) {
        this.inline = List.copyOf(requireNonNull(inline, "inline is null"));
        this.store = store;
    }

    public CredentialCheck verify(String presented) {
        requireNonNull(presented, "presented is null");
        String hash = ApiKeys.sha256(presented);
        Optional<String> id = ApiKeys.idOf(presented);
        if (id.isPresent() && store != null) {
            Optional<ApiKeyStore.Stored> stored = store.find(id.get());
            if (stored.isPresent() && ApiKeys.sameHash(hash, stored.get().sha256())) {
                ApiKeyInfo info = stored.get().info();
                if (!info.active()) {
                    return new CredentialCheck.Rejected(RefusalReason.REVOKED_KEY, "the API key '" + info.name()
                            + "' was revoked at " + info.revokedAt() + "; ask for a new key");
                }
                return new CredentialCheck.Verified(principal(info.name(), info.id(), info.scopes()));
            }
        }
        InlineApiKey match = null;
        for (InlineApiKey k : inline) {
            if (ApiKeys.sameHash(hash, k.sha256()) && match == null) {
                match = k;
            }
        }
        if (match != null) {
            return new CredentialCheck.Verified(principal(match.name(), "config:" + match.name(), match.scopes()));
        }
        return new CredentialCheck.Rejected(RefusalReason.UNKNOWN_KEY,
                "the API key is not known; check that it was copied whole, or create one with `sluice keys create`");
    }

    private static Principal principal(String name, String id, List<String> scopes) {
        return new Principal("apikey:" + name, AuthMethod.API_KEY, java.util.Set.copyOf(scopes),
                Map.of("key_id", id, "key_name", name), name);
    }
}
