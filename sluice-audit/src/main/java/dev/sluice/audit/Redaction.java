package dev.sluice.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the audit log keeps out of its store. Argument values whose key looks secret ({@code
 * password}, {@code secret}, {@code token}, {@code api_key}, {@code authorization}, {@code
 * credential}, {@code private...}, any key ending in {@code key}, ...) are replaced by {@value
 * #REDACTED} at any depth of the arguments JSON, and so are string values that start with {@code
 * Bearer }; arguments that are not valid JSON are replaced whole (they cannot be searched for
 * secrets). Every free-text field (arguments, question, SQL, error, summary) is cut to at most
 * {@code maxBytes} UTF-8 bytes, ending with a marker such as {@code …[truncated, 81234 bytes]}.
 */
public final class Redaction {
    public static final String REDACTED = "[REDACTED]";
    public static final int DEFAULT_MAX_BYTES = 65_536;
    public static final int MIN_MAX_BYTES = 1_024;
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "passphrase", "secret",
            "token", "apikey", "authorization", "credential", "private", "cookie", "signature");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final int maxBytes;

    public Redaction(int maxBytes) {
        if (maxBytes < MIN_MAX_BYTES) {
            throw new IllegalArgumentException("max_argument_bytes must be at least " + MIN_MAX_BYTES + ", got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public static Redaction defaults() {
        return new Redaction(DEFAULT_MAX_BYTES);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** {@code record} with secrets redacted from its arguments and every free-text field bounded. */
    public AuditRecord apply(AuditRecord record) {
        return record.toBuilder()
                .arguments(arguments(record.arguments()))
                .question(bound(record.question()))
                .generatedSql(bound(record.generatedSql()))
                .finalSql(bound(record.finalSql()))
                .error(bound(record.error()))
                .summary(bound(record.summary()))
                .build();
    }

    /** Arguments JSON with secret values redacted, then bounded; null stays null. */
    public String arguments(String json) {
        if (json == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return REDACTED + " (arguments were not valid JSON, " + utf8Length(json) + " bytes)";
        }
        if (tree == null || tree.isMissingNode()) {
            return bound(json);
        }
        if (!redact(tree)) {
            return bound(json);
        }
        try {
            return bound(JSON.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write redacted arguments", e);
        }
    }

    /** {@code text} cut to {@link #maxBytes()} UTF-8 bytes with a truncation marker; null stays null. */
    public String bound(String text) {
        return truncate(text, maxBytes);
    }

    /** Whether an argument named {@code key} holds a secret, by name. */
    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (k.endsWith("key") || k.equals("pwd") || k.equals("auth")) {
            return true;
        }
        for (String word : SECRET_WORDS) {
            if (k.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} cut at a character boundary so that it and the marker fit in {@code maxBytes}. */
    public static String truncate(String text, int maxBytes) {
        if (text == null) {
            return null;
        }
        int total = utf8Length(text);
        if (total <= maxBytes) {
            return text;
        }
        String marker = "…[truncated, " + total + " bytes]";
        int budget = maxBytes - utf8Length(marker);
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + marker;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Redacts in place (the tree is private to one call); true if anything was replaced. */
    private static boolean redact(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (isSecretKey(e.getKey()) || looksSecret(e.getValue())) {
                    e.setValue(TextNode.valueOf(REDACTED));
                    changed = true;
                } else {
                    changed |= redact(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (looksSecret(array.get(i))) {
                    array.set(i, TextNode.valueOf(REDACTED));
                    changed = true;
                } else {
                    changed |= redact(array.get(i));
                }
            }
        }
        return changed;
    }

    private static boolean looksSecret(JsonNode value) {
        return value.isTextual() && value.asText().regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
