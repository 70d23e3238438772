/**
 * The data tools of SPEC.md 2.1 ({@code test_connection}, {@code list_sources}, {@code list_tables},
 * {@code describe_table}, {@code execute_query}, {@code fetch_query_results}) and parameterised SQL
 * tools declared in configuration. Every query goes through {@link dev.sluice.sql.tools.QueryRunner}:
 * guard, table policy, concurrency limit, engine (read-only, with timeout and cancellation),
 * masking, result store.
 */
package dev.sluice.sql.tools;
