package dev.sluice.llm.schema;

import dev.sluice.sql.guard.GuardVerdict;
import dev.sluice.sql.guard.SqlGuard;
import dev.sluice.sql.source.Dialect;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The tables a gold query reads, for measuring retrieval: the SQL guard's parse
 * ({@link GuardVerdict#tablesRead()}, CTE names excluded) of the query after MySQL's backtick
 * identifiers and double-quoted strings are turned into standard SQL.
 */
public final class GoldTables {
    private GoldTables() {
    }

    /**
     * The lower-cased table names {@code sql} reads, qualified with {@code schema} when written bare;
     * empty when the guard cannot parse or refuses it.
     */
    public static Set<String> of(String sql, String schema) {
        GuardVerdict v = SqlGuard.forDialect(Dialect.DUCKDB).check(fromMySql(sql));
        Set<String> out = new LinkedHashSet<>();
        for (String t : v.tablesRead()) {
            String name = t.replace("\"", "").toLowerCase(Locale.ROOT);
            out.add(schema == null || name.contains(".") ? name : schema.toLowerCase(Locale.ROOT) + "." + name);
        }
        return out;
    }

    /** Backtick identifiers → double-quoted; MySQL double-quoted strings → single-quoted. */
    static String fromMySql(String mysql) {
        StringBuilder b = new StringBuilder(mysql.length());
        int i = 0;
        while (i < mysql.length()) {
            char c = mysql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(mysql, i, c);
                String body = mysql.substring(i + 1, Math.max(i + 1, end - 1));
                switch (c) {
                    case '\'' -> b.append(mysql, i, end);
                    case '"' -> b.append('\'').append(body.replace("\"\"", "\"").replace("'", "''")).append('\'');
                    default -> b.append('"').append(body.replace("``", "`").replace("\"", "\"\"")).append('"');
                }
                i = end;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** Index just past the quote closing the one at {@code start} (a doubled quote is literal). */
    private static int closing(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (s.charAt(i) == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            i++;
        }
        return s.length();
    }
}
