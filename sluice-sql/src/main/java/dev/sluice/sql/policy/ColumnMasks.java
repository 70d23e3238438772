package dev.sluice.sql.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.core.hash.Sha256;
import dev.sluice.sql.source.ColumnMeta;
import dev.sluice.sql.source.RowSink;

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
        return "sha256:" + Sha256.hex(value, 8);
    }
}
