package dev.sluice.sql.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sql.source.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SqlGuardTest {

    private static final SqlGuard DUCKDB = SqlGuard.forDialect(Dialect.DUCKDB);
    private static final SqlGuard POSTGRES = SqlGuard.forDialect(Dialect.POSTGRES);

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void check_neverThrows_forNullHugeOrBinaryInput(Dialect d) {
        SqlGuard guard = SqlGuard.forDialect(d);
        assertThat(guard.check(null).rule()).isEqualTo("empty");
        assertThat(guard.check("SELECT 1 " + "x".repeat(5_000_000)).rule()).isEqualTo("too_long");
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            String utf8 = new String(bytes, StandardCharsets.UTF_8);
            for (String sql : List.of(latin, utf8, "SELECT " + latin, "SELECT * FROM t WHERE a = '" + utf8)) {
                GuardVerdict v = guard.check(sql);
                assertThat(v).isNotNull();
                assertThat(v.rule()).isNotBlank();
                assertThat(v.message()).isNotBlank();
            }
        }
    }

    @Test
    void forDialect_returnsOneGuardPerDialect() {
        assertThat(SqlGuard.forDialect(Dialect.POSTGRES)).isSameAs(POSTGRES);
        assertThat(POSTGRES.dialect()).isEqualTo(Dialect.POSTGRES);
        assertThatThrownBy(() -> SqlGuard.forDialect(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("dialect is null");
    }

    @Test
    void ruleNames_areUniqueSnakeCase() {
        Set<String> names = new HashSet<>();
        for (GuardRule rule : GuardRule.values()) {
            assertThat(rule.wireName()).matches("[a-z]+(_[a-z]+)*");
            assertThat(rule.meaning()).isNotBlank();
            assertThat(names.add(rule.wireName())).isTrue();
        }
    }

    @Test
    void verdict_validatesAndCopiesItsFields() {
        assertThatThrownBy(() -> new GuardVerdict(true, null, "m", List.of())).hasMessage("rule is null");
        assertThatThrownBy(() -> GuardVerdict.refuse(GuardRule.ALLOWED, "m"))
                .hasMessage("a refusal needs a refusing rule, got allowed");
        List<String> tables = new java.util.ArrayList<>(List.of("t"));
        GuardVerdict v = GuardVerdict.allow(tables);
        tables.add("u");
        assertThat(v.tablesRead()).containsExactly("t");
        assertThat(v.rule()).isEqualTo("allowed");
    }

    @Test
    void execute_query_rejectsStackedStatements_withAnActionableMessage() {
        GuardVerdict v = POSTGRES.check("SELECT 1; DROP TABLE users");
        assertThat(v.allowed()).isFalse();
        assertThat(v.rule()).isEqualTo("multiple_statements");
        assertThat(v.message()).isEqualTo("Only one statement per call (found 2): remove everything after the first "
                + "';' and send the other statements in separate calls.");
    }

    @Test
    void deniedFunction_messageNamesTheFunction() {
        assertThat(POSTGRES.check("SELECT pg_catalog.pg_sleep(5)").message())
                .isEqualTo("Function pg_sleep is not allowed: it has side effects or reaches outside the database. "
                        + "Remove the call.");
        assertThat(DUCKDB.check("SELECT * FROM read_csv_auto('/etc/passwd')").message())
                .startsWith("Function read_csv_auto is not allowed: it reads or writes files");
        assertThat(DUCKDB.check("SELECT * FROM duckdb_tables()").message())
                .startsWith("Table function duckdb_tables is not allowed in FROM");
    }

    @Test
    void notAQuery_messageNamesTheStatementKind() {
        assertThat(DUCKDB.check("CREATE SECRET s (TYPE s3)").message())
                .startsWith("CREATE SECRET statements are not allowed: Sluice runs read-only queries only");
        assertThat(POSTGRES.check("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x").message())
                .startsWith("INSERT statements are not allowed");
        assertThat(POSTGRES.check("EXPLAIN DELETE FROM t").message())
                .isEqualTo("EXPLAIN of DELETE is not allowed: only queries (SELECT, WITH, VALUES) can be explained.");
    }

    @Test
    void writeInQuery_messageNamesTheHiddenStatement() {
        GuardVerdict v = POSTGRES.check("WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone");
        assertThat(v.rule()).isEqualTo("write_in_query");
        assertThat(v.message()).startsWith("The query contains a DELETE statement");
    }

    @Test
    void parseError_reportsLineAndColumn() {
        GuardVerdict v = POSTGRES.check("SELECT *\nFROM t\nWHERE");
        assertThat(v.rule()).isEqualTo("parse_error");
        assertThat(v.message()).contains("line 3, column");
    }

    @Test
    void tooLong_andTooComplex_sayWhatTheLimitIs() {
        assertThat(DUCKDB.check("SELECT " + "1,".repeat(60_000) + "1").message()).contains("the limit is 100000");
        assertThat(DUCKDB.check("SELECT " + "(".repeat(65) + "1" + ")".repeat(65)).message())
                .contains("more than 64 levels deep");
    }

    @Test
    void tablesRead_areLowercasedQualifiedAndExcludeCtes() {
        GuardVerdict v = POSTGRES.check("WITH recent AS (SELECT * FROM Sales.Orders WHERE d > now() - interval '1 day') "
                + "SELECT * FROM recent r JOIN \"Customers\" c ON c.id = r.customer_id "
                + "WHERE EXISTS (SELECT 1 FROM crm.public.accounts a WHERE a.id = c.id)");
        assertThat(v.tablesRead()).containsExactly("sales.orders", "customers", "crm.public.accounts");
    }

    @Test
    void tablesRead_keepARealTableThatOnlySharesItsNameWithACteInAnotherScope() {
        GuardVerdict v = DUCKDB.check("SELECT * FROM (WITH secret AS (SELECT 1) SELECT * FROM secret) s, secret");
        assertThat(v.tablesRead()).containsExactly("secret");
        // PostgreSQL: a quoted name is case-sensitive, so "Secret" is not the CTE secret.
        assertThat(POSTGRES.check("WITH secret AS (SELECT 1) SELECT * FROM \"Secret\"").tablesRead()).containsExactly("secret");
        assertThat(DUCKDB.check("WITH secret AS (SELECT 1) SELECT * FROM \"Secret\"").tablesRead()).isEmpty();
    }

    @Test
    void columnQualifiers_areNotTables() {
        assertThat(POSTGRES.check("SELECT o.id, o.*, x.y FROM orders o, LATERAL (SELECT 1 AS y) x").tablesRead())
                .containsExactly("orders");
    }

    @Test
    void stringTablesAndPathLikeNames_areFileAccessOnlyWhereTheEngineReadsFiles() {
        assertThat(DUCKDB.check("SELECT * FROM 'orders.csv'").rule()).isEqualTo("file_access");
        assertThat(DUCKDB.check("SELECT * FROM \"s3://bucket/orders.parquet\"").rule()).isEqualTo("file_access");
        assertThat(POSTGRES.check("SELECT * FROM \"weird/name\"").tablesRead()).containsExactly("weird/name");
    }

    @Test
    void recursiveCtes_andCartesianJoins_areQueries() {
        assertThat(POSTGRES.check("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT * FROM n")
                .allowed()).isTrue();
        assertThat(DUCKDB.check("SELECT count(*) FROM a, a AS b, a AS c, a AS d").allowed()).isTrue();
    }

    @Test
    void trino_reusesTheUnionOfTheDenyListsAndAllowsOnlyUnnestInFrom() {
        SqlGuard trino = SqlGuard.forDialect(Dialect.TRINO);
        assertThat(trino.check("SELECT * FROM hive.sales.orders").tablesRead()).containsExactly("hive.sales.orders");
        assertThat(trino.check("SELECT pg_sleep(1)").rule()).isEqualTo("denied_function");
        assertThat(trino.check("SELECT * FROM TABLE(system.query(query => 'DROP TABLE x'))").allowed()).isFalse();
        assertThat(trino.check("SELECT * FROM system.runtime.queries").rule()).isEqualTo("system_access");
        assertThat(trino.check("SELECT * FROM tasks").allowed()).isTrue();
    }

    @Test
    void everyRule_hasAHostileExampleInItsOwnWords() {
        assertThat(Arrays.stream(GuardRule.values()).map(GuardRule::wireName)).contains(
                "allowed", "empty", "parse_error", "multiple_statements", "not_a_query", "write_in_query",
                "explain_analyze", "locking_clause", "select_into", "denied_function", "denied_table_function",
                "file_access", "system_access", "too_complex", "too_long", "invalid_character");
    }
}
