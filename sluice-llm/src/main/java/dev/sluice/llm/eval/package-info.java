/**
 * Offline evaluation of text-to-SQL: {@link dev.sluice.llm.eval.Evaluation} runs a question set
 * ({@link dev.sluice.llm.eval.QuestionSet}, {@code database,question,sql} CSV) through the same
 * {@link dev.sluice.llm.sql.TextToSql} pipeline the server uses, executes generated and gold SQL on
 * the source, and measures execution accuracy ({@link dev.sluice.llm.eval.ResultComparison}),
 * schema-retrieval recall, latency and tokens ({@link dev.sluice.llm.eval.EvalReport}). The
 * {@code sluice eval} command drives it; see docs/eval.md.
 */
package dev.sluice.llm.eval;
