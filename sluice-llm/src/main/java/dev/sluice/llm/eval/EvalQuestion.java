package dev.sluice.llm.eval;

import static java.util.Objects.requireNonNull;

/**
 * One row of a question set.
 *
 * @param line     the line of the CSV the row starts on (for messages)
 * @param database the database the question is about: {@code demo}, or a SpiderMan database (a schema of the source)
 * @param question the natural-language question
 * @param goldSql  the reference SQL (MySQL-flavoured for SpiderMan databases)
 */
public record EvalQuestion(long line, String database, String question, String goldSql) {
    public EvalQuestion {
        requireNonNull(database, "database is null");
        requireNonNull(question, "question is null");
        requireNonNull(goldSql, "goldSql is null");
    }
}
