package dev.sluice.llm.provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlExtractionTest {
    private static SqlExtraction.Result x(String text) {
        return SqlExtraction.extract(text);
    }

    private static SqlExtraction.Found found(String sql) {
        return new SqlExtraction.Found(sql, false);
    }

    @Test
    void sqlFence_isTakenWithoutItsSemicolon() {
        assertThat(x("Here is the query:\n```sql\nSELECT *\nFROM orders\nWHERE id = 1;\n```\nIt selects one order."))
                .isEqualTo(found("SELECT *\nFROM orders\nWHERE id = 1"));
    }

    @Test
    void sqlFence_isPreferredOverAnEarlierPlainFence() {
        assertThat(x("```\nsome output\n```\n```SQL\nselect 1\n```")).isEqualTo(found("select 1"));
    }

    @Test
    void plainFence_holdingSql_isTaken() {
        assertThat(x("```\nWITH t AS (SELECT 1 AS a) SELECT a FROM t\n```")).isEqualTo(found("WITH t AS (SELECT 1 AS a) SELECT a FROM t"));
    }

    @Test
    void unterminatedFence_stillYieldsTheSql() {
        assertThat(x("```sql\nSELECT 1")).isEqualTo(found("SELECT 1"));
    }

    @Test
    void leadingProse_andTrailingExplanation_areDropped() {
        assertThat(x("Sure! To find the top customers you can run:\n\nSELECT name, sum(total) AS revenue FROM orders GROUP BY name ORDER BY 2 DESC LIMIT 10;\n\nThis sums revenue per customer."))
                .isEqualTo(new SqlExtraction.Found("SELECT name, sum(total) AS revenue FROM orders GROUP BY name ORDER BY 2 DESC LIMIT 10", true));
    }

    @Test
    void bareStatement_withoutSemicolon_stopsAtTheBlankLineBeforeProse() {
        assertThat(x("SELECT count(*)\nFROM orders\n\nThis counts all orders.")).isEqualTo(new SqlExtraction.Found("SELECT count(*)\nFROM orders", true));
    }

    @Test
    void sqlPrefixLabel_isAccepted() {
        assertThat(x("SQL: SELECT 42")).isEqualTo(found("SELECT 42"));
    }

    @Test
    void onlyTheFirstStatement_isTaken_andTheRestFlagged() {
        assertThat(x("```sql\nSELECT 1; DROP TABLE orders;\n```")).isEqualTo(new SqlExtraction.Found("SELECT 1", true));
    }

    @Test
    void semicolonsInsideStringsAndComments_doNotEndTheStatement() {
        String sql = "SELECT 'a;b' AS s, \"x;y\" -- c;d\nFROM t /* e;f */ WHERE u = 'it''s;'";
        assertThat(x("```sql\n" + sql + ";\n```")).isEqualTo(found(sql));
    }

    @Test
    void inlineCode_isTaken() {
        assertThat(x("Run `SELECT id FROM users` to list them.")).isEqualTo(found("SELECT id FROM users"));
    }

    @Test
    void englishSentenceStartingWithSelect_isNotSql() {
        assertThat(x("Select a table first, then ask again.")).isInstanceOf(SqlExtraction.NoSql.class);
    }

    @Test
    void refusals_areDistinctFromNoSql() {
        assertThat(x("I can't help with that.")).isEqualTo(new SqlExtraction.Refused("I can't help with that."));
        assertThat(x("I’m unable to provide that query because it would delete data.")).isInstanceOf(SqlExtraction.Refused.class);
        assertThat(x("Sorry, but I cannot write queries that modify data.")).isInstanceOf(SqlExtraction.Refused.class);
        assertThat(x("申し訳ありませんが、そのクエリは作成できません。")).isInstanceOf(SqlExtraction.Refused.class);
    }

    @Test
    void questionBack_isNoSql() {
        assertThat(x("Which table holds the deadlines: releases or milestones?"))
                .isEqualTo(new SqlExtraction.NoSql("Which table holds the deadlines: releases or milestones?"));
    }

    @Test
    void sqlAlongsideHedging_isStillFound() {
        assertThat(x("I can't be sure of the column names, but try:\n```sql\nSELECT * FROM t\n```")).isEqualTo(found("SELECT * FROM t"));
    }
}
