package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Seals the state of a multi round-trip request into the opaque {@code requestState} string:
 * the answers gathered so far, bound to the request it belongs to (method, name, subject) and an
 * expiry, signed with HMAC-SHA256. The client is an attacker as far as this string goes.
 */
public final class RequestStateCodec {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private final byte[] key;
    private final Clock clock;
    private final Duration ttl;

    public RequestStateCodec(byte[] key, Clock clock, Duration ttl) {
        if (key.length < 16) {
            throw new IllegalArgumentException("request state key must be at least 16 bytes");
        }
        this.key = key.clone();
        this.clock = clock;
        this.ttl = ttl;
    }

    public String seal(String binding, ObjectNode answers) {
        ObjectNode payload = Json.object();
        payload.put("b", binding);
        payload.put("e", clock.millis() + ttl.toMillis());
        payload.set("a", answers);
        byte[] body = Json.bytes(payload);
        return ENC.encodeToString(body) + "." + ENC.encodeToString(mac(body));
    }

    /** The answers sealed in {@code token}; -32602 if it was altered, expired or belongs elsewhere. */
    public ObjectNode open(String binding, String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw invalid("it is malformed");
        }
        byte[] body;
        byte[] signature;
        try {
            body = DEC.decode(token.substring(0, dot));
            signature = DEC.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("it is malformed");
        }
        if (!MessageDigest.isEqual(signature, mac(body))) {
            throw invalid("its signature does not match");
        }
        JsonNode payload;
        try {
            payload = Json.parse(body);
        } catch (java.io.IOException e) {
            throw invalid("it is malformed");
        }
        if (!binding.equals(payload.path("b").asText())) {
            throw invalid("it belongs to a different request");
        }
        if (payload.path("e").asLong() < clock.millis()) {
            throw invalid("it has expired; send the request again without requestState");
        }
        JsonNode answers = payload.get("a");
        return answers != null && answers.isObject() ? (ObjectNode) answers : Json.object();
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static McpError invalid(String why) {
        return McpError.invalidParams("requestState failed verification: " + why);
    }

    static String binding(String method, String name, String subject) {
        return method + '\u0000' + (name == null ? "" : name) + '\u0000' + (subject == null ? "" : subject);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
