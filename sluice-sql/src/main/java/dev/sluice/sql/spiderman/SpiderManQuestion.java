package dev.sluice.sql.spiderman;

import static java.util.Objects.requireNonNull;

/** One question of a SpiderMan question file, with its gold SQL in the MySQL dialect. */
public record SpiderManQuestion(String database, String question, String sql) {
    public SpiderManQuestion {
        requireNonNull(database, "database is null");
        requireNonNull(question, "question is null");
        requireNonNull(sql, "sql is null");
    }
}
