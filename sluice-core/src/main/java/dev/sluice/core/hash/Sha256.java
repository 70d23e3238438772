package dev.sluice.core.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 without the checked exception: every JVM must provide it. */
public final class Sha256 {
    private Sha256() {
    }

    /** The SHA-256 of {@code bytes}. */
    public static byte[] of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Lower-case hex of the first {@code bytes} bytes (32: all) of the SHA-256 of {@code text}'s UTF-8. */
    public static String hex(String text, int bytes) {
        return HexFormat.of().formatHex(of(text.getBytes(StandardCharsets.UTF_8)), 0, bytes);
    }
}
