package dev.sluice.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoldTablesTest {

    @Test
    void of_readsBacktickTablesOfJoinsAndSubqueries_qualifiedByTheDatabase() {
        assertThat(GoldTables.of("SELECT T1.`Name` FROM `Singer` AS T1 JOIN `singer_in_concert` AS T2 ON T1.id = T2.id "
                + "WHERE T2.cid IN (SELECT cid FROM `concert` WHERE `Year` = \"2014\")", "concert_singer"))
                .containsExactlyInAnyOrder("concert_singer.singer", "concert_singer.singer_in_concert", "concert_singer.concert");
    }

    @Test
    void of_leavesCteNamesOut() {
        assertThat(GoldTables.of("WITH t AS (SELECT * FROM `orders`) SELECT count(*) FROM t", "shop"))
                .containsExactly("shop.orders");
    }

    @Test
    void of_keepsQualifiedNames_andReturnsNothingForUnparseableSql() {
        assertThat(GoldTables.of("SELECT 1 FROM other.t", "db")).containsExactly("other.t");
        assertThat(GoldTables.of("DELETE FROM t", "db")).isEmpty();
        assertThat(GoldTables.of("SELEC nonsense", "db")).isEmpty();
    }

    @Test
    void fromMySql_turnsBackticksAndDoubleQuotedStringsIntoStandardSql() {
        assertThat(GoldTables.fromMySql("SELECT `a` FROM `t` WHERE `b` = 'x`y' AND c = \"it's\""))
                .isEqualTo("SELECT \"a\" FROM \"t\" WHERE \"b\" = 'x`y' AND c = 'it''s'");
    }
}
