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
 * @param showsSetting whether the statement is {@code SHOW <setting>} (PostgreSQL): it reads a server
 *     setting, not tables, and cannot be checked with {@code EXPLAIN}, which takes only queries
 */
public record GuardVerdict(boolean allowed, String rule, String message, List<String> tablesRead, boolean showsSetting) {

    public GuardVerdict {
        requireNonNull(rule, "rule is null");
        requireNonNull(message, "message is null");
        tablesRead = List.copyOf(requireNonNull(tablesRead, "tablesRead is null"));
        if (showsSetting && !allowed) {
            throw new IllegalArgumentException("only an allowed verdict shows a setting");
        }
    }

    /** A verdict on anything but {@code SHOW <setting>}. */
    public GuardVerdict(boolean allowed, String rule, String message, List<String> tablesRead) {
        this(allowed, rule, message, tablesRead, false);
    }

    /** An allowed {@code SHOW <setting>} of a setting on the dialect's short list. */
    public static GuardVerdict allowSetting(String name) {
        return new GuardVerdict(true, GuardRule.ALLOWED.wireName(), "The statement reads the server setting " + name + ".", List.of(), true);
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
