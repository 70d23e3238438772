package dev.sluice.sql.policy;

import dev.sluice.sql.source.SourceSettings;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Table allow and deny lists. Patterns are globs ({@code analytics.*}, {@code *.secrets}) matched
 * case-insensitively against a table's name and its schema-qualified name; deny wins.
 */
public final class TablePolicy {
    private final List<Pattern> allow;
    private final List<Pattern> deny;

    public TablePolicy(SourceSettings settings) {
        this.allow = settings.allowTables().stream().map(TablePolicy::glob).toList();
        this.deny = settings.denyTables().stream().map(TablePolicy::glob).toList();
    }

    /** The first of {@code tables} (as a query reads them) that may not be read, if any. */
    public Optional<String> firstDenied(Collection<String> tables) {
        for (String table : tables) {
            if (!permits(table)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** Whether a table (as written in SQL, possibly qualified) may be read. */
    public boolean permits(String table) {
        String t = table.toLowerCase(Locale.ROOT).replace("\"", "");
        String bare = t.contains(".") ? t.substring(t.lastIndexOf('.') + 1) : t;
        for (Pattern p : deny) {
            if (p.matcher(t).matches() || p.matcher(bare).matches()) {
                return false;
            }
        }
        if (allow.isEmpty()) {
            return true;
        }
        for (Pattern p : allow) {
            if (p.matcher(t).matches() || p.matcher(bare).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
