package dev.sluice.security.apikey;

import static java.util.Objects.requireNonNull;

/**
 * A key just created: {@code plaintext} is the only copy that will ever exist; show it to the user
 * once. {@link #toString()} redacts it so it cannot reach a log by accident.
 */
public record CreatedApiKey(ApiKeyInfo info, String plaintext) {
    public CreatedApiKey {
        requireNonNull(info, "info is null");
        requireNonNull(plaintext, "plaintext is null");
    }

    @Override
    public String toString() {
        return "CreatedApiKey[" + info + ", plaintext=(redacted)]";
    }
}
