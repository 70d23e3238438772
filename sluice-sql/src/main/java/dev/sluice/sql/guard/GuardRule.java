package dev.sluice.sql.guard;

/**
 * Why the guard allowed or refused a statement. The {@link #wireName()} is stable: it goes into tool
 * results and the audit log, so rename nothing; add new rules instead.
 */
public enum GuardRule {
    /** A single read-only query that passed every check. */
    ALLOWED("allowed", "a single read-only query"),
    /** Null, empty, whitespace or comments only. */
    EMPTY("empty", "no statement at all"),
    /** Longer than the statement length limit. */
    TOO_LONG("too_long", "longer than the statement length limit"),
    /** NUL, control, format (zero-width, bidi) or odd whitespace characters outside literals. */
    INVALID_CHARACTER("invalid_character", "a character that engines and the guard could read differently"),
    /** The parser could not read it (fail closed), including unterminated strings and comments. */
    PARSE_ERROR("parse_error", "not parseable, so not classifiable"),
    /** More than one statement, e.g. stacked after a ';'. */
    MULTIPLE_STATEMENTS("multiple_statements", "more than one statement"),
    /** A statement that is not a query: DML, DDL, settings, extensions, transactions, COPY, CALL... */
    NOT_A_QUERY("not_a_query", "not a read-only query statement"),
    /** A data-modifying statement nested in a query (writable CTE, DML subquery). */
    WRITE_IN_QUERY("write_in_query", "data-modifying statement inside a query"),
    /** EXPLAIN ANALYZE runs the statement. */
    EXPLAIN_ANALYZE("explain_analyze", "EXPLAIN ANALYZE executes the statement"),
    /** FOR UPDATE / FOR SHARE and friends take row locks. */
    LOCKING_CLAUSE("locking_clause", "row-locking clause"),
    /** SELECT ... INTO creates a table. */
    SELECT_INTO("select_into", "SELECT INTO creates a table"),
    /** A function with side effects or that reaches outside the database. */
    DENIED_FUNCTION("denied_function", "function with side effects or dynamic SQL"),
    /** A table function that is not on the dialect's short allow list. */
    DENIED_TABLE_FUNCTION("denied_table_function", "table function not on the allow list"),
    /** Reads files, URLs or other databases (file readers, globs, string table references, lo_*). */
    FILE_ACCESS("file_access", "file, network or foreign database access"),
    /** Reads credentials, settings or other sessions (secrets, pg_authid, pg_stat_activity...). */
    SYSTEM_ACCESS("system_access", "credentials, settings or other sessions"),
    /** Shapes that only exist to exhaust the parser or planner: absurd nesting, giant lists. */
    TOO_COMPLEX("too_complex", "nesting or list size beyond the guard's limits");

    private final String wireName;
    private final String meaning;

    GuardRule(String wireName, String meaning) {
        this.wireName = wireName;
        this.meaning = meaning;
    }

    /** The snake_case name used in results and the audit log. */
    public String wireName() {
        return wireName;
    }

    /** One line on what the rule means, for docs and {@code test_connection}. */
    public String meaning() {
        return meaning;
    }
}
