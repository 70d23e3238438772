package dev.sluice.llm.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.spiderman.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceQueriesTest {
    @Test
    void qualify_prefixesBareTablesWithTheDatabaseSchema_butNotCtesOrQualifiedNames() {
        assertThat(SourceQueries.qualify("SELECT \"name\" FROM \"singer\" AS s JOIN other.x ON s.id = x.id", "concert_singer"))
                .isEqualTo("SELECT \"name\" FROM \"concert_singer\".\"singer\" AS s JOIN other.x ON s.id = x.id");
        assertThat(SourceQueries.qualify("WITH c AS (SELECT * FROM t) SELECT * FROM c", "db"))
                .isEqualTo("WITH c AS (SELECT * FROM \"db\".t) SELECT * FROM c");
    }

    @Test
    void gold_ofADatabaseNamedInMixedCase_isTranslatedAndQualifiedWithItsLowerCaseSchema(@TempDir Path dir) throws Exception {
        try (Sources sources = MixedCaseLake.open(dir)) {
            SourceQueries queries = new SourceQueries(sources.get("lake").orElseThrow(), Duration.ofSeconds(10));
            String gold = queries.gold(new EvalQuestion(2, MixedCaseLake.DATABASE, "How many documents do we have?",
                    "SELECT count(*) FROM `Documents`"));
            assertThat(gold).isEqualTo("SELECT count(*) FROM \"cre_doc_template_mgt\".\"documents\"");
            assertThat(values(queries.rows(gold))).containsExactly(List.of("3"));
        }
    }

    @Test
    void gold_averagingATextColumn_readsItAsANumber_asMySqlDoes(@TempDir Path dir) throws Exception {
        try (Sources sources = MixedCaseLake.open(dir)) {
            SourceQueries queries = new SourceQueries(sources.get("lake").orElseThrow(), Duration.ofSeconds(10));
            String gold = queries.gold(new EvalQuestion(3, MixedCaseLake.SCHEMA, "What is the average age?",
                    "SELECT AVG(`age`) FROM `Documents` WHERE `age` > 2"));
            assertThat(values(queries.rows(gold))).containsExactly(List.of("4.0")); // 'n/a' is no number: left out
        }
    }

    @Test
    void kind_mapsDuckDbAndPostgresTypeNames() {
        assertThat(List.of("VARCHAR", "character varying", "text", "DATE", "TIMESTAMP WITH TIME ZONE", "timestamp without time zone",
                "TIME", "INTEGER", "DECIMAL(10,2)", "double precision").stream().map(SourceQueries::kind).toList())
                .containsExactly(SqlType.Kind.TEXT, SqlType.Kind.TEXT, SqlType.Kind.TEXT, SqlType.Kind.DATE, SqlType.Kind.TIMESTAMP,
                        SqlType.Kind.TIMESTAMP, SqlType.Kind.TIME, SqlType.Kind.DOUBLE, SqlType.Kind.DOUBLE, SqlType.Kind.DOUBLE);
    }

    private static List<List<String>> values(List<List<JsonNode>> rows) {
        return rows.stream().map(r -> r.stream().map(JsonNode::asText).toList()).toList();
    }
}
