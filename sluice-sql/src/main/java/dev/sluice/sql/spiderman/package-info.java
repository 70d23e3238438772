/**
 * SpiderMan (Spider 1.0 databases and questions with gold SQL in the MySQL dialect) as test and
 * benchmark data for Sluice: {@link dev.sluice.sql.spiderman.SpiderManDataset} reads the files in
 * place, {@link dev.sluice.sql.spiderman.MySqlDdlTranslator} turns the MySQL DDL into a neutral
 * {@link dev.sluice.sql.spiderman.SpiderManTable} model rendered for DuckDB or PostgreSQL,
 * {@link dev.sluice.sql.spiderman.SpiderManLoader} creates one schema per database and loads the
 * CSV rows with identical typed values on both engines, and
 * {@link dev.sluice.sql.spiderman.MySqlQueryTranslator} rewrites the gold queries so that they run,
 * with MySQL's meaning, on either engine.
 */
package dev.sluice.sql.spiderman;
