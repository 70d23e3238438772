package dev.sluice.sql.guard;

import dev.sluice.sql.source.Dialect;
import java.util.Set;

/**
 * DuckDB's rule pack. DuckDB reaches the file system and the network through table functions
 * ({@code read_csv}, {@code read_parquet('s3://...')}, {@code glob}), replacement scans
 * ({@code FROM 'x.csv'}) and extensions, so every table function is denied unless it is on the short
 * allow list, and file-like table names are refused. Statements such as COPY, ATTACH, INSTALL, LOAD,
 * CREATE SECRET, SET, PRAGMA, CHECKPOINT and EXPORT DATABASE are refused by the leading-keyword check.
 */
final class DuckDbRules {

    static final Set<String> QUERY_STARTERS =
            Set.of("SELECT", "WITH", "VALUES", "TABLE", "FROM", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "SUMMARIZE", "PIVOT", "UNPIVOT");

    static final NameList FILE_ACCESS = NameList.of(
            "read_*", "glob", "sniff_csv", "parquet_*", "iceberg_*", "delta_*", "sqlite_*", "postgres_*",
            "mysql_*", "st_read*", "http_*", "arrow_scan*", "from_csv*", "from_json*", "json_execute_serialized_sql",
            "csv_scan", "ducklake_*", "httpfs_*", "load_aws_credentials", "s3_*", "gcs_*",
            "azure_*", "excel_*", "spatial_*");

    static final NameList SYSTEM_ACCESS = NameList.of(
            "duckdb_secrets", "which_secret", "duckdb_settings", "current_setting", "getenv", "duckdb_extensions",
            "duckdb_logs", "duckdb_log_contexts", "duckdb_temporary_files", "duckdb_memory", "duckdb_external_file_cache",
            "pragma_*", "duckdb_databases", "enable_logging", "disable_logging", "truncate_duckdb_logs");

    static final NameList DENIED_FUNCTIONS = NameList.of(
            "nextval", "setseed", "checkpoint", "force_checkpoint", "query", "query_table", "sleep_ms", "sleep",
            "pg_sleep", "install_extension", "load_extension", "enable_profiling", "disable_profiling",
            "set_variable", "reset_variable", "export_database", "import_database", "attach", "detach",
            "create_secret", "drop_secret", "write_*", "copy_*", "to_file", "make_secret", "ingest_*");

    static final NameList ALLOWED_TABLE_FUNCTIONS = NameList.of(
            "range", "generate_series", "unnest", "json_each", "json_tree", "generate_subscripts");

    static final NameList SYSTEM_RELATIONS = NameList.of("duckdb_secrets", "duckdb_settings");

    static final DialectRules RULES = new DialectRules(Dialect.DUCKDB, QUERY_STARTERS, FILE_ACCESS, SYSTEM_ACCESS,
            DENIED_FUNCTIONS, SYSTEM_RELATIONS, ALLOWED_TABLE_FUNCTIONS, true, null);

    private DuckDbRules() {}
}
