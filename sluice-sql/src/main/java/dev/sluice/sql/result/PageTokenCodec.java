package dev.sluice.sql.result;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@link PageToken} into an opaque {@code next_token} and back: base64url of version,
 * row, position and the first 16 bytes of HMAC-SHA256 over (query_execution_id, version, row,
 * position) under a key random per store. A client cannot move the position, reuse a token for
 * another query, or replay it against a restarted server (new key): any of these is rejected.
 */
final class PageTokenCodec {
    static final String INVALID = "next_token is not valid for this query_execution_id; use the token from the previous page";

    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final int TOKEN_BYTES = 1 + 8 + 8 + MAC_BYTES;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    PageTokenCodec(byte[] key) {
        requireNonNull(key, "key is null");
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    String encode(String queryExecutionId, PageToken token) {
        ByteBuffer out = ByteBuffer.allocate(TOKEN_BYTES);
        out.put(VERSION).putLong(token.row()).putLong(token.position());
        out.put(mac(queryExecutionId, token.row(), token.position()), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** @throws IllegalArgumentException when the token was not made by {@link #encode} for this id */
    PageToken decode(String queryExecutionId, String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(INVALID);
        }
        if (bytes.length != TOKEN_BYTES || bytes[0] != VERSION) {
            throw new IllegalArgumentException(INVALID);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        long row = in.getLong();
        long position = in.getLong();
        byte[] given = new byte[MAC_BYTES];
        in.get(given);
        byte[] expected = java.util.Arrays.copyOf(mac(queryExecutionId, row, position), MAC_BYTES);
        if (!MessageDigest.isEqual(given, expected) || row < 0 || position < 0) {
            throw new IllegalArgumentException(INVALID);
        }
        return new PageToken(row, position);
    }

    private byte[] mac(String queryExecutionId, long row, long position) {
        Mac mac = newMac();
        mac.update(queryExecutionId.getBytes(StandardCharsets.UTF_8));
        mac.update(ByteBuffer.allocate(1 + 1 + 8 + 8).put((byte) 0).put(VERSION).putLong(row).putLong(position).array());
        return mac.doFinal();
    }

    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 provider cannot clone", e);
        }
    }
}
