/**
 * The embedded DuckDB source: the default demo lake, DuckDB files, Parquet/CSV/JSON files as
 * views, and the SpiderMan databases. Locked down after set-up: external access limited to the
 * configured files, extensions off, configuration locked, every query in a read-only transaction.
 */
package dev.sluice.sql.duckdb;
