package dev.sluice.sql.guard;

import dev.sluice.sql.source.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the TSV corpora under {@code src/test/resources/guard}: {@code dialect<TAB>expected<TAB>sql}.
 * A dialect of {@code both} expands to DuckDB and PostgreSQL. In the SQL column, {@code \n \r \t \0 \\}
 * and {@code \\uXXXX} are escapes and {@code {{N*text}}} repeats text N times.
 */
final class GuardCorpus {

    record Line(int number, Dialect dialect, String expected, String sql, String written) {
        @Override
        public String toString() {
            return "line " + number + " [" + dialect.wireName() + ", expected " + expected + "]: " + abbreviate(written);
        }
    }

    private GuardCorpus() {}

    static List<Line> read(String resource) {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = GuardCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                if (raw.isBlank() || raw.startsWith("#")) {
                    continue;
                }
                String[] cols = raw.split("\t", 3);
                if (cols.length != 3) {
                    throw new IllegalStateException(resource + " line " + number + ": expected 3 tab-separated columns");
                }
                String sql = unescape(cols[2]);
                for (Dialect d : dialects(cols[0], resource, number)) {
                    lines.add(new Line(number, d, cols[1], sql, cols[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static List<Dialect> dialects(String column, String resource, int number) {
        return switch (column.toLowerCase(Locale.ROOT)) {
            case "both" -> List.of(Dialect.DUCKDB, Dialect.POSTGRES);
            case "duckdb" -> List.of(Dialect.DUCKDB);
            case "postgres" -> List.of(Dialect.POSTGRES);
            default -> throw new IllegalStateException(resource + " line " + number + ": unknown dialect " + column);
        };
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '{' && s.startsWith("{{", i)) {
                int star = s.indexOf('*', i);
                int end = s.indexOf("}}", i);
                int count = Integer.parseInt(s.substring(i + 2, star));
                b.append(unescape(s.substring(star + 1, end)).repeat(count));
                i = end + 2;
            } else if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case '0' -> b.append('\0');
                    case '\\' -> b.append('\\');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                        i += 4;
                    }
                    default -> b.append(c).append(n);
                }
                i += 2;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "...";
    }
}
