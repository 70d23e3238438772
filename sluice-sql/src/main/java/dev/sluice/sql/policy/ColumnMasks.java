package dev.sluice.sql.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.sql.source.ColumnMeta;
import dev.sluice.sql.source.RowSink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column masking applied to every row that leaves a source (results, samples, summaries):
 * {@code redact} replaces the value, {@code hash} replaces it with a stable SHA-256 prefix so
 * equal values still group together. Result columns are matched by label, case-insensitively.
 */
public final class ColumnMasks {
    public static final TextNode REDACTED = TextNode.valueOf("[redacted]");
    private final Map<String, String> rules;

    public ColumnMasks(Map<String, String> masks) {
        Map<String, String> lower = new java.util.HashMap<>();
        masks.forEach((column, rule) -> {
            String key = column.toLowerCase(Locale.ROOT);
            lower.put(key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key, rule);
        });
        this.rules = Map.copyOf(lower);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Per column, the rule to apply (null = none). */
    public String[] plan(List<ColumnMeta> columns) {
        String[] plan = new String[columns.size()];
        for (int i = 0; i < plan.length; i++) {
            plan[i] = rules.get(columns.get(i).name().toLowerCase(Locale.ROOT));
        }
        return plan;
    }

    /** {@code target} itself when the plan masks nothing, else a sink that masks on the way to it. */
    public static RowSink sink(String[] plan, RowSink target) {
        for (String rule : plan) {
            if (rule != null) {
                return new MaskingSink(plan, target);
            }
        }
        return target;
    }

    public static void apply(String[] plan, JsonNode[] row) {
        for (int i = 0; i < plan.length; i++) {
            row[i] = mask(plan[i], row[i]);
        }
    }

    /** The value as {@code rule} (null: none) shows it; NULL stays NULL. */
    static JsonNode mask(String rule, JsonNode value) {
        if (rule == null || value == null || value.isNull()) {
            return value;
        }
        return rule.equals("hash") ? TextNode.valueOf(hash(value.asText())) : REDACTED;
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
