package dev.sluice.sql.guard;

import dev.sluice.sql.source.Dialect;
import java.util.Set;

/**
 * PostgreSQL's rule pack: server file access ({@code pg_read_file}, {@code lo_import}), other
 * databases ({@code dblink}), session state ({@code set_config}), sleeps, sequences, advisory locks,
 * backend signals, WAL and replication control, dynamic SQL ({@code query_to_xml}, {@code ts_stat}) and
 * the catalogs that hold password hashes or other sessions' queries. Functions in FROM must be on the
 * allow list of set-returning functions. {@code SHOW} reads server settings (as {@code current_setting}
 * does, which is refused), so it may show only the session and formatting settings a query writer needs:
 * not {@code SHOW ALL}, file locations, or anything else about the server.
 */
final class PostgresRules {

    static final Set<String> QUERY_STARTERS =
            Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "DESCRIBE", "DESC", "EXPLAIN");

    static final NameList FILE_ACCESS = NameList.of(
            "pg_read_file", "pg_read_binary_file", "pg_ls_*", "pg_stat_file", "pg_file_*", "pg_logdir_ls",
            "lo_*", "loread", "lowrite", "dblink*", "postgres_fdw_*", "pg_current_logfile");

    static final NameList SYSTEM_ACCESS = NameList.of(
            "current_setting", "pg_show_all_settings", "pg_show_all_file_settings", "pg_hba_file_rules",
            "pg_ident_file_mappings", "pg_stat_get_activity", "pg_get_backend_memory_contexts", "pg_config",
            "inet_server_addr", "inet_server_port", "pg_postmaster_start_time", "pg_conf_load_time");

    static final NameList DENIED_FUNCTIONS = NameList.of(
            "set_config", "pg_sleep*", "nextval", "setval", "pg_advisory_*", "pg_try_advisory_*",
            "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_notify",
            "txid_current", "txid_current_if_assigned", "pg_current_xact_id", "pg_current_xact_id_if_assigned",
            "pg_export_snapshot", "pg_create_restore_point", "pg_switch_wal", "pg_switch_xlog", "pg_start_backup",
            "pg_stop_backup", "pg_backup_start", "pg_backup_stop", "pg_promote", "pg_wal_replay_*",
            "pg_xlog_replay_*", "pg_create_*_replication_slot", "pg_drop_replication_slot",
            "pg_copy_*_replication_slot", "pg_replication_slot_advance", "pg_logical_slot_*", "pg_logical_emit_message",
            "pg_replication_origin_*", "pg_stat_reset*", "pg_log_backend_memory_contexts", "pg_import_system_collations",
            "pg_sync_replication_slots", "binary_upgrade_*", "query_to_xml*", "query_to_xmlschema",
            "table_to_xml*", "cursor_to_xml*", "schema_to_xml*", "database_to_xml*", "ts_stat", "setseed",
            "pg_prewarm", "pg_visibility*", "pg_truncate_visibility_map", "pg_clear_attribute_stats",
            "pg_restore_*_stats", "pg_clear_relation_stats", "pg_stat_statements_reset", "gin_clean_pending_list",
            "brin_summarize_*", "brin_desummarize_range", "pg_partition_tree_refresh", "amcheck_*", "bt_index_*",
            "pg_drop_*", "pg_create_*");

    static final NameList SYSTEM_RELATIONS = NameList.of(
            "pg_authid", "pg_shadow", "pg_user_mapping", "pg_user_mappings", "pg_largeobject",
            "pg_largeobject_metadata", "pg_statistic", "pg_statistic_ext_data", "pg_file_settings", "pg_hba_file_rules",
            "pg_ident_file_mappings", "pg_stat_activity", "pg_stat_replication", "pg_subscription",
            "pg_db_role_setting", "pg_settings", "pg_config", "pg_stat_ssl", "pg_stat_gssapi", "pg_replication_slots",
            "pg_stat_wal_receiver", "pg_backend_memory_contexts", "pg_shmem_allocations", "pg_foreign_server",
            "pg_stat_statements");

    static final NameList ALLOWED_TABLE_FUNCTIONS = NameList.of(
            "generate_series", "generate_subscripts", "unnest", "json_each", "json_each_text", "jsonb_each",
            "jsonb_each_text", "json_array_elements", "json_array_elements_text", "jsonb_array_elements",
            "jsonb_array_elements_text", "json_to_record", "json_to_recordset", "jsonb_to_record", "jsonb_to_recordset",
            "json_populate_record", "json_populate_recordset", "jsonb_populate_record", "jsonb_populate_recordset",
            "json_object_keys", "jsonb_object_keys", "jsonb_path_query", "regexp_matches", "regexp_split_to_table",
            "string_to_table", "json_table");

    static final Set<String> SHOWN_SETTINGS = Set.of(
            "search_path", "timezone", "time zone", "datestyle", "intervalstyle", "client_encoding", "server_encoding",
            "server_version", "server_version_num", "standard_conforming_strings", "transaction_read_only",
            "transaction isolation level", "transaction_isolation", "default_transaction_read_only", "statement_timeout",
            "lc_messages", "lc_monetary", "lc_numeric", "lc_time", "extra_float_digits", "bytea_output",
            "max_identifier_length", "integer_datetimes");

    static final DialectRules RULES = new DialectRules(Dialect.POSTGRES, QUERY_STARTERS, FILE_ACCESS, SYSTEM_ACCESS,
            DENIED_FUNCTIONS, SYSTEM_RELATIONS, ALLOWED_TABLE_FUNCTIONS, false, SHOWN_SETTINGS);

    private PostgresRules() {}
}
