package dev.sluice.llm.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Execution-accuracy equality of two result sets: the rows as a multiset (order-sensitive only when
 * asked, i.e. when the gold query has a top-level {@code ORDER BY}), values compared in the column
 * order selected (column names ignored), numbers compared by value within a small relative
 * tolerance ({@code 3} equals {@code 3.0} and {@code 2.9999999999}), NULL equal only to NULL.
 */
public final class ResultComparison {
    /** Relative tolerance for numbers, and the absolute one near zero. */
    static final double TOLERANCE = 1e-6;

    private ResultComparison() {
    }

    /** Whether {@code got} has the same rows as {@code gold}; in the same order when {@code ordered}. */
    public static boolean sameResult(List<List<JsonNode>> gold, List<List<JsonNode>> got, boolean ordered) {
        if (gold.size() != got.size()) {
            return false;
        }
        if (!gold.isEmpty() && gold.getFirst().size() != got.getFirst().size()) {
            return false;
        }
        if (ordered) {
            for (int i = 0; i < gold.size(); i++) {
                if (!sameRow(gold.get(i), got.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return sameMultiset(gold, got);
    }

    /** Exact matches by key first (cheap), then the rest pairwise within the tolerance. */
    private static boolean sameMultiset(List<List<JsonNode>> gold, List<List<JsonNode>> got) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<JsonNode> row : got) {
            counts.merge(key(row), 1, Integer::sum);
        }
        List<List<JsonNode>> unmatchedGold = new ArrayList<>();
        for (List<JsonNode> row : gold) {
            String k = key(row);
            Integer n = counts.get(k);
            if (n == null) {
                unmatchedGold.add(row);
            } else if (n == 1) {
                counts.remove(k);
            } else {
                counts.put(k, n - 1);
            }
        }
        if (unmatchedGold.isEmpty()) {
            return true;
        }
        List<List<JsonNode>> rest = new ArrayList<>();
        for (List<JsonNode> row : got) {
            String k = key(row);
            Integer n = counts.get(k);
            if (n != null) {
                rest.add(row);
                counts.put(k, n - 1);
                if (n == 1) {
                    counts.remove(k);
                }
            }
        }
        for (List<JsonNode> row : unmatchedGold) {
            int match = -1;
            for (int i = 0; i < rest.size() && match < 0; i++) {
                if (sameRow(row, rest.get(i))) {
                    match = i;
                }
            }
            if (match < 0) {
                return false;
            }
            rest.remove(match);
        }
        return true;
    }

    static boolean sameRow(List<JsonNode> a, List<JsonNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameValue(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return a.bigIntegerValue().equals(b.bigIntegerValue());
            }
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y || Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
        }
        return a.equals(b);
    }

    /** A row's exact key: numbers by their exact decimal value, so 3 and 3.0 share a key. */
    private static String key(List<JsonNode> row) {
        StringBuilder b = new StringBuilder();
        for (JsonNode v : row) {
            if (v == null || v.isNull() || v.isMissingNode()) {
                b.append("N|");
            } else if (v.isNumber()) {
                b.append('#').append(v.decimalValue().stripTrailingZeros().toPlainString()).append('|');
            } else {
                b.append('"').append(v.toString().replace("|", "||")).append("\"|");
            }
        }
        return b.toString();
    }

    /**
     * Whether {@code sql} ends with an {@code ORDER BY} of the outermost query: one outside every
     * parenthesis, string and quoted identifier (window and subquery orderings do not count).
     */
    public static boolean hasTopLevelOrderBy(String sql) {
        int depth = 0;
        StringBuilder top = new StringBuilder(sql.length());
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < sql.length() && !(sql.charAt(j) == c && (j + 1 >= sql.length() || sql.charAt(j + 1) != c))) {
                    j += sql.charAt(j) == c ? 2 : 1;
                }
                i = j;
                top.append(' ');
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                top.append(' ');
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                top.append(c);
            } else if (Character.isWhitespace(c)) {
                top.append(' ');
            }
        }
        return top.toString().toLowerCase(Locale.ROOT).matches("(?s).*\\border\\s+by\\b.*");
    }
}
