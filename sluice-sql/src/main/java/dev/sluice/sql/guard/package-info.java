/**
 * The read-only SQL guard. {@link dev.sluice.sql.guard.SqlGuard} parses one statement with a real
 * parser (JSqlParser) after a dialect-aware lexer has neutralised comment, quoting and stacking tricks,
 * fails closed on anything it cannot parse or classify, walks the whole tree so that DML hidden in CTEs
 * or subqueries is found, and applies a per-dialect rule pack ({@code DuckDbRules},
 * {@code PostgresRules}; {@code TrinoRules} is a stop-gap until Trino's own parser is used) of denied
 * functions, allowed table functions and system relations. The {@link dev.sluice.sql.guard.GuardVerdict}
 * carries a stable {@link dev.sluice.sql.guard.GuardRule rule name} for results and the audit log, an
 * actionable message for the model, and the tables read for the policy layer.
 */
package dev.sluice.sql.guard;
