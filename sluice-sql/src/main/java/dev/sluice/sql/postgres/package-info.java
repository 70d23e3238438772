/**
 * The PostgreSQL source: a HikariCP pool of read-only connections; each query runs in a
 * {@code READ ONLY} transaction with {@code statement_timeout}, streamed with a cursor.
 */
package dev.sluice.sql.postgres;
