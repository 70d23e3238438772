package dev.sluice.security.apikey;

import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A key from {@code auth.api_keys}: its name, the SHA-256 of its value (the value itself is dropped
 * when the configuration is read) and its scopes.
 */
public record InlineApiKey(String name, String sha256, List<String> scopes) {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** Shortest inline key accepted; generated keys are 64 characters. */
    public static final int MIN_LENGTH = 16;

    public InlineApiKey {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        scopes = List.copyOf(requireNonNull(scopes, "scopes is null"));
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex characters");
        }
    }

    /** Hashes {@code plaintext} and keeps only the hash. */
    public static InlineApiKey of(String name, String plaintext, List<String> scopes) {
        return new InlineApiKey(name, ApiKeys.sha256(plaintext), scopes);
    }

    /** True when {@code name} is a valid key name: letters, digits, {@code . _ @ -}, at most 64 characters. */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return "InlineApiKey[name=" + name + ", scopes=" + scopes + "]";
    }
}
