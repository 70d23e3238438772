package dev.sluice.sql.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sql.source.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lexer that runs before the parser: comments, quoting, escapes and odd characters. */
class SqlGuardPreprocessingTest {

    private static GuardVerdict check(Dialect d, String sql) {
        return SqlGuard.forDialect(d).check(sql);
    }

    @Test
    void comments_areBlankedWithPositionsKept() {
        String sql = "SELECT /* x /* y */ z */ 1 -- tail ; DROP\n";
        SqlScanner.Result r = SqlScanner.scan(sql, 64);
        assertThat(r.refusal()).isNull();
        assertThat(r.segments()).hasSize(1);
        String text = r.segments().get(0).text();
        assertThat(text).hasSameSizeAs(sql).endsWith("\n");
        assertThat(text.strip().replaceAll("\\s+", " ")).isEqualTo("SELECT 1");
        assertThat(text.indexOf('1')).isEqualTo(sql.indexOf(" 1 ") + 1);
        assertThat(r.segments().get(0).tokens()).extracting(SqlScanner.Token::text).containsExactly("SELECT", "1");
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"DUCKDB", "POSTGRES"})
    void semicolonsInsideCommentsStringsAndQuotes_doNotSplitTheStatement(Dialect d) {
        assertThat(check(d, "SELECT 1 -- ; DROP TABLE t").allowed()).isTrue();
        assertThat(check(d, "/* a /* nested */ ; DROP TABLE t */ SELECT 1").allowed()).isTrue();
        assertThat(check(d, "SELECT ';' AS a, 'x;y' AS b").allowed()).isTrue();
        assertThat(check(d, "SELECT \"a;b\" FROM t").allowed()).isTrue();
        assertThat(check(d, "SELECT $$ ; DROP TABLE t; $$").allowed()).isTrue();
        assertThat(check(d, "SELECT $body$ $$ ; $body$").allowed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"DUCKDB", "POSTGRES"})
    void trailingSemicolonsAndComments_areOneStatement(Dialect d) {
        assertThat(check(d, "SELECT 1;").allowed()).isTrue();
        assertThat(check(d, "SELECT 1; -- done").allowed()).isTrue();
        assertThat(check(d, "SELECT 1;; ;\n/* bye */").allowed()).isTrue();
    }

    @Test
    void escapeStrings_followBackslashRules_andStandardStringsDoNot() {
        // E'\'...': the backslash escapes the quote, so the ';' is inside the string.
        assertThat(check(Dialect.POSTGRES, "SELECT E'\\'; DROP TABLE t; --'").allowed()).isTrue();
        // E'\\': an escaped backslash, the string ends, and a second statement follows.
        assertThat(check(Dialect.POSTGRES, "SELECT E'\\\\'; DROP TABLE t; --'").rule()).isEqualTo("multiple_statements");
        // Standard strings: backslash is ordinary, so 'a\' ends at the second quote.
        assertThat(check(Dialect.POSTGRES, "SELECT 'a\\'; DROP TABLE t; --'").rule()).isEqualTo("multiple_statements");
        assertThat(check(Dialect.POSTGRES, "SELECT e'it''s \\n fine'").allowed()).isTrue();
    }

    @Test
    void unicodeEscapes_areDecodedBeforeFunctionNamesAreChecked() {
        GuardVerdict v = check(Dialect.POSTGRES, "SELECT U&\"pg_\\0073leep\"(10)");
        assertThat(v.rule()).isEqualTo("denied_function");
        assertThat(v.message()).contains("pg_sleep");
        assertThat(check(Dialect.POSTGRES, "SELECT U&\"pg!005fsleep\" UESCAPE '!' (1)").rule()).isEqualTo("denied_function");
        assertThat(check(Dialect.POSTGRES, "SELECT U&\"pg_sl\\+000065ep\"(1)").rule()).isEqualTo("denied_function");
        assertThat(check(Dialect.POSTGRES, "SELECT U&'caf\\00e9' AS word").allowed()).isTrue();
        assertThat(check(Dialect.POSTGRES, "SELECT U&\"\\0000\"").rule()).isEqualTo("invalid_character");
        assertThat(check(Dialect.POSTGRES, "SELECT U&'\\12'").rule()).isEqualTo("parse_error");
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"DUCKDB", "POSTGRES"})
    void caseTricks_doNotMatter(Dialect d) {
        assertThat(check(d, "sElEcT 1").allowed()).isTrue();
        assertThat(check(d, "dElEtE FROM t").rule()).isEqualTo("not_a_query");
        assertThat(check(d, "SELECT NeXtVaL('s')").rule()).isEqualTo("denied_function");
        assertThat(check(d, "SELECT \"NEXTVAL\"('s')").rule()).isEqualTo("denied_function");
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"DUCKDB", "POSTGRES"})
    void ordinaryWhitespaceAndALeadingBom_areAccepted(Dialect d) {
        assertThat(check(d, "\uFEFF\tSELECT\r\n1\f").allowed()).isTrue();
        assertThat(check(d, "SELECT 'tab\there, nbsp\u00a0and ゼロ幅\u200b inside a string is data'").allowed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"DUCKDB", "POSTGRES"})
    void controlAndInvisibleCharacters_outsideLiterals_areRefusedWithTheirCodePoint(Dialect d) {
        GuardVerdict nul = check(d, "SELECT 1\0; DROP TABLE t");
        assertThat(nul.rule()).isEqualTo("invalid_character");
        assertThat(nul.message()).contains("NUL byte at offset 8");
        GuardVerdict nbsp = check(d, "SELECT\u00a01");
        assertThat(nbsp.rule()).isEqualTo("invalid_character");
        assertThat(nbsp.message()).contains("U+00A0", "offset 6");
        assertThat(check(d, "SELECT 1 \u202e").rule()).isEqualTo("invalid_character");
        assertThat(check(d, "SELECT 'a\0b'").rule()).isEqualTo("invalid_character");
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"DUCKDB", "POSTGRES"})
    void unterminatedLiteralsAndComments_areParseErrorsWithTheirOffset(Dialect d) {
        assertThat(check(d, "SELECT 'abc").message()).contains("Unterminated string literal starting at offset 7");
        assertThat(check(d, "SELECT \"abc").message()).contains("Unterminated quoted identifier");
        assertThat(check(d, "SELECT 1 /* a /* b */").message()).contains("Unterminated /* comment starting at offset 9");
        assertThat(check(d, "SELECT $x$ abc").message()).contains("Unterminated dollar-quoted string $x$");
        assertThat(check(d, "SELECT 'abc").rule()).isEqualTo("parse_error");
    }

    @Test
    void positionalParametersAndDollarsInIdentifiers_areNotDollarQuotes() {
        assertThat(check(Dialect.POSTGRES, "SELECT a$b FROM t WHERE a = $1").allowed()).isTrue();
        assertThat(check(Dialect.POSTGRES, "SELECT a$b FROM t WHERE a = $1; DROP TABLE t").rule())
                .isEqualTo("multiple_statements");
    }

    @Test
    void explain_isUnwrappedBeforeParsing() {
        GuardVerdict v = check(Dialect.POSTGRES, "EXPLAIN (FORMAT JSON, COSTS false) SELECT * FROM orders");
        assertThat(v.allowed()).isTrue();
        assertThat(v.tablesRead()).containsExactly("orders");
        assertThat(check(Dialect.POSTGRES, "EXPLAIN SELECT pg_sleep(1)").rule()).isEqualTo("denied_function");
    }
}
