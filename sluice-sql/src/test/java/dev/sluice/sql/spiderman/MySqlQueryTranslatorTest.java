package dev.sluice.sql.spiderman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sql.source.Dialect;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MySqlQueryTranslatorTest {

    private static String duck(String sql) {
        return MySqlQueryTranslator.translate(sql, Dialect.DUCKDB);
    }

    @Test
    void translate_quotesAndLowerCasesBacktickIdentifiers() {
        assertThat(duck("SELECT `T1`.`Name` FROM `Singer` AS `T1` WHERE `T1`.`Age` > 20"))
                .isEqualTo("SELECT \"t1\".\"name\" FROM \"singer\" AS \"t1\" WHERE \"t1\".\"age\" > 20");
    }

    @Test
    void translate_turnsDoubleQuotedStringsAndBackslashEscapesIntoStandardLiterals() {
        assertThat(duck("SELECT * FROM `t` WHERE `a` = \"O\\'Brien\" OR `b` = 'it''s'"))
                .isEqualTo("SELECT * FROM \"t\" WHERE \"a\" = 'O''Brien' OR \"b\" = 'it''s'");
    }

    @Test
    void translate_likeBecomesCaseInsensitive() {
        assertThat(duck("SELECT `name` FROM `s` WHERE `song` LIKE '%Hey%'")).contains("ILIKE '%Hey%'");
    }

    @Test
    void translate_wrapsUngroupedColumnsInAnyValue() {
        assertThat(duck("SELECT `t1`.`name`, COUNT(*) FROM `a` AS `t1` GROUP BY `t1`.`id` ORDER BY `t1`.`name`"))
                .isEqualTo("SELECT ANY_VALUE(\"t1\".\"name\"), COUNT(*) FROM \"a\" AS \"t1\" GROUP BY \"t1\".\"id\" "
                        + "ORDER BY ANY_VALUE(\"t1\".\"name\") NULLS FIRST");
        assertThat(duck("SELECT `name`, MAX(`age`) FROM `s`")).isEqualTo("SELECT ANY_VALUE(\"name\"), MAX(\"age\") FROM \"s\"");
        assertThat(duck("SELECT `name`, COUNT(*) FROM `s` GROUP BY `name`"))
                .isEqualTo("SELECT \"name\", COUNT(*) FROM \"s\" GROUP BY \"name\"");
    }

    @Test
    void translate_placesNullsAsMySqlDoes() {
        assertThat(duck("SELECT `a` FROM `t` ORDER BY `a`, `b` DESC"))
                .endsWith("ORDER BY \"a\" NULLS FIRST, \"b\" DESC NULLS LAST");
    }

    @Test
    void translate_divisionNeverTruncatesOnPostgres() {
        assertThat(MySqlQueryTranslator.translate("SELECT `a` / `b` FROM `t`", Dialect.POSTGRES))
                .isEqualTo("SELECT CAST(\"a\" AS NUMERIC) / \"b\" FROM \"t\"");
        assertThat(duck("SELECT `a` / `b` FROM `t`")).isEqualTo("SELECT \"a\" / \"b\" FROM \"t\"");
    }

    @Test
    void translate_readsTextColumnsAsNumbersWhereMySqlWould() {
        Map<String, SqlType.Kind> kinds = Map.of("age", SqlType.Kind.TEXT, "year", SqlType.Kind.TEXT,
                "name", SqlType.Kind.TEXT, "day", SqlType.Kind.TIMESTAMP);
        assertThat(MySqlQueryTranslator.translate("SELECT AVG(`age`) FROM `d` WHERE `year` > 2013 AND `name` = 'x'",
                Dialect.DUCKDB, kinds)).isEqualTo("SELECT AVG(TRY_CAST(\"age\" AS DOUBLE)) FROM \"d\" "
                        + "WHERE TRY_CAST(\"year\" AS DOUBLE) > 2013 AND \"name\" = 'x'");
        assertThat(MySqlQueryTranslator.translate("SELECT AVG(`age`) FROM `d`", Dialect.POSTGRES, kinds))
                .isEqualTo("SELECT AVG(CASE WHEN pg_input_is_valid(\"age\", 'double precision') "
                        + "THEN CAST(\"age\" AS DOUBLE PRECISION) END) FROM \"d\"");
        assertThat(MySqlQueryTranslator.translate("SELECT AVG(`day`) FROM `d`", Dialect.POSTGRES, kinds))
                .isEqualTo("SELECT AVG(CAST(to_char(\"day\", 'YYYYMMDDHH24MISS') AS DOUBLE PRECISION)) FROM \"d\"");
    }
}
