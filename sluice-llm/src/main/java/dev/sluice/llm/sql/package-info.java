/**
 * Text-to-SQL: {@link dev.sluice.llm.sql.TextToSql} turns a question into one guarded, engine-validated
 * read-only statement (input screening, schema retrieval, dialect rules, verified examples, repair with
 * the error fed back, one clarifying question put to the user by elicitation where the client accepts
 * it), {@link dev.sluice.llm.sql.ResultSummarizer} summarises result rows in the
 * question's language, {@link dev.sluice.llm.sql.TextToSqlTools} registers the {@code text_to_sql}
 * tool, and {@link dev.sluice.llm.sql.LlmQuestionAnswering} gives {@code execute_query} its
 * natural-language path. See docs/text-to-sql.md.
 */
package dev.sluice.llm.sql;
