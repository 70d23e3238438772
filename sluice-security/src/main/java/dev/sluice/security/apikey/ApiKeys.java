package dev.sluice.security.apikey;

import dev.sluice.core.hash.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key format and its hash. A generated key is {@code slk_} + 12 hex characters of id (for lookup,
 * not secret) + {@code _} + 43 base64url characters of secret (32 bytes = 256 bits from the injected
 * {@link SecureRandom}). Keys are stored as the SHA-256 of the whole key: with 256 random bits a fast
 * hash is safe (no dictionary to attack), and it keeps verification cheap on every request.
 */
public final class ApiKeys {
    public static final String PREFIX = "slk_";
    static final int ID_BYTES = 6;
    static final int SECRET_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("slk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");
    private static final HexFormat HEX = HexFormat.of();

    private ApiKeys() {
    }

    /** A fresh key; {@code plaintext} is to be shown once and never stored. */
    record Generated(String id, String plaintext) {
        @Override
        public String toString() {
            return "Generated[id=" + id + ", plaintext=(redacted)]";
        }
    }

    static Generated generate(SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        String idHex = HEX.formatHex(id);
        return new Generated(idHex, PREFIX + idHex + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The id of a key in the generated format, or empty for any other string. */
    public static Optional<String> idOf(String presented) {
        Matcher m = FORMAT.matcher(presented);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes. */
    public static String sha256(String key) {
        return Sha256.hex(key, 32);
    }

    /** Constant-time comparison of two hex hashes. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
