package dev.sluice.llm.eval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceQueriesTest {
    @Test
    void qualify_prefixesBareTablesWithTheDatabaseSchema_butNotCtesOrQualifiedNames() {
        assertThat(SourceQueries.qualify("SELECT \"name\" FROM \"singer\" AS s JOIN other.x ON s.id = x.id", "concert_singer"))
                .isEqualTo("SELECT \"name\" FROM \"concert_singer\".\"singer\" AS s JOIN other.x ON s.id = x.id");
        assertThat(SourceQueries.qualify("WITH c AS (SELECT * FROM t) SELECT * FROM c", "db"))
                .isEqualTo("WITH c AS (SELECT * FROM \"db\".t) SELECT * FROM c");
    }
}
