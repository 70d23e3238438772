package dev.sluice.sql.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sql.source.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The 1,034 gold queries of the Spider test split (as shipped in the "spiderman" data set, written for
 * MySQL) must all be allowed by the DuckDB and PostgreSQL guards once MySQL's backtick identifiers are
 * turned into standard double-quoted ones. Reads the data set in place; run with -Pdatasets.
 */
@Tag("dataset")
class SqlGuardSpiderManGoldTest {

    private static final int GOLD_QUERIES = 1_034;

    @Test
    void everySpiderGoldQuery_isAllowedByTheDuckDbAndPostgresGuards() throws IOException {
        Path csv = Path.of(System.getProperty("sluice.datasets", "../shared/datasets"), "spiderman", "test_queries.csv");
        List<List<String>> records = readCsv(Files.readString(csv, StandardCharsets.UTF_8));
        assertThat(records.get(0)).containsExactly("database", "question", "sql");
        List<List<String>> rows = records.subList(1, records.size());
        assertThat(rows).hasSize(GOLD_QUERIES);

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String sql = toStandardSql(rows.get(i).get(2));
            for (Dialect d : List.of(Dialect.DUCKDB, Dialect.POSTGRES)) {
                GuardVerdict v = SqlGuard.forDialect(d).check(sql);
                if (!v.allowed()) {
                    failures.add("row " + (i + 1) + " [" + d.wireName() + "] " + v.rule() + ": " + v.message() + "\n    " + sql);
                }
                if (v.allowed() && v.tablesRead().isEmpty()) {
                    failures.add("row " + (i + 1) + " [" + d.wireName() + "] allowed but reads no table\n    " + sql);
                }
            }
        }
        failures.forEach(f -> System.out.println("SPIDER " + f));
        assertThat(failures).as("gold queries refused").isEmpty();
    }

    @Test
    void translator_turnsBackticksIntoDoubleQuotesOnlyOutsideStrings() {
        assertThat(toStandardSql("SELECT `a` FROM `t` WHERE `b` = 'x`y' AND c = \"it`s\""))
                .isEqualTo("SELECT \"a\" FROM \"t\" WHERE \"b\" = 'x`y' AND c = 'it`s'");
        assertThat(toStandardSql("SELECT 'it''s `x`'")).isEqualTo("SELECT 'it''s `x`'");
    }

    @Test
    void csvReader_handlesQuotedCommasQuotesAndNewlines() {
        assertThat(readCsv("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\r\nlast,"))
                .containsExactly(List.of("a", "b"), List.of("x, y", "say \"hi\"\nthere"), List.of("last", ""));
    }

    /**
     * MySQL to standard SQL, only what the gold queries need: backtick identifiers become double-quoted
     * identifiers, and MySQL double-quoted string literals become single-quoted ones (in PostgreSQL and
     * DuckDB a double-quoted token is an identifier). Single-quoted strings are copied untouched.
     */
    static String toStandardSql(String mysql) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < mysql.length()) {
            char c = mysql.charAt(i);
            if (c == '\'') {
                int end = closing(mysql, i, '\'');
                b.append(mysql, i, end);
                i = end;
            } else if (c == '"') {
                int end = closing(mysql, i, '"');
                String content = mysql.substring(i + 1, end - 1).replace("\"\"", "\"");
                b.append('\'').append(content.replace("'", "''")).append('\'');
                i = end;
            } else if (c == '`') {
                int end = closing(mysql, i, '`');
                String content = mysql.substring(i + 1, end - 1).replace("``", "`");
                b.append('"').append(content.replace("\"", "\"\"")).append('"');
                i = end;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static int closing(String s, int open, char quote) {
        int j = open + 1;
        while (j < s.length()) {
            if (s.charAt(j) == quote) {
                if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    /** A minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> readCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
