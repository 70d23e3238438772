package dev.sluice.sql.guard;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The guard's decision on one statement.
 *
 * @param allowed whether the statement may run
 * @param rule the stable snake_case {@link GuardRule#wireName() rule name}: {@code allowed} or why not
 * @param message what was wrong and what to do, written for the model that sent the SQL
 * @param tablesRead every table or view the statement references, lowercased, qualified as written,
 *     without CTE names; empty when refused
 */
public record GuardVerdict(boolean allowed, String rule, String message, List<String> tablesRead) {

    public GuardVerdict {
        requireNonNull(rule, "rule is null");
        requireNonNull(message, "message is null");
        tablesRead = List.copyOf(requireNonNull(tablesRead, "tablesRead is null"));
    }

    /** An allowed verdict reading the given tables. */
    public static GuardVerdict allow(List<String> tablesRead) {
        return new GuardVerdict(true, GuardRule.ALLOWED.wireName(), "The statement is a single read-only query.", tablesRead);
    }

    /** A refusal under the given rule. */
    public static GuardVerdict refuse(GuardRule rule, String message) {
        if (rule == GuardRule.ALLOWED) {
            throw new IllegalArgumentException("a refusal needs a refusing rule, got allowed");
        }
        return new GuardVerdict(false, rule.wireName(), message, List.of());
    }
}
