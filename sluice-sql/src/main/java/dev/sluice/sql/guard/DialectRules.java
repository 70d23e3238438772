package dev.sluice.sql.guard;

import static java.util.Objects.requireNonNull;

import dev.sluice.sql.source.Dialect;
import java.util.Set;

/**
 * One dialect's rule pack: plain data, so extending it is adding a name. Function and relation names
 * are compared lowercased and unqualified (the last name part), so {@code pg_catalog.PG_SLEEP} and
 * {@code "pg_sleep"} both match {@code pg_sleep}.
 *
 * @param dialect the dialect these rules are for
 * @param queryStarters first keywords of statements that may be queries; anything else is refused
 *     before parsing as {@code not_a_query}
 * @param fileAccess functions that read or write files, URLs or other databases ({@code file_access})
 * @param systemAccess functions that expose credentials, settings or other sessions ({@code system_access})
 * @param deniedFunctions functions with side effects, dynamic SQL or session state ({@code denied_function})
 * @param systemRelations tables and views holding credentials, server files or other sessions' queries
 *     ({@code system_access})
 * @param allowedTableFunctions the only functions allowed in FROM ({@code denied_table_function} otherwise)
 * @param fileLikeTableNames whether a table name that looks like a path or URL ({@code FROM 'x.csv'},
 *     {@code FROM "s3://b/k.parquet"}) is a file read (DuckDB replacement scans)
 * @param shownSettings where {@code SHOW} reads server settings (PostgreSQL), the only settings it may
 *     read, lowercase with single spaces ({@code time zone}); anything else is {@code system_access}.
 *     Null where {@code SHOW} lists tables and columns instead (DuckDB, Trino)
 */
record DialectRules(
        Dialect dialect,
        Set<String> queryStarters,
        NameList fileAccess,
        NameList systemAccess,
        NameList deniedFunctions,
        NameList systemRelations,
        NameList allowedTableFunctions,
        boolean fileLikeTableNames,
        Set<String> shownSettings) {

    DialectRules {
        requireNonNull(dialect, "dialect is null");
        queryStarters = Set.copyOf(queryStarters);
        requireNonNull(fileAccess, "fileAccess is null");
        requireNonNull(systemAccess, "systemAccess is null");
        requireNonNull(deniedFunctions, "deniedFunctions is null");
        requireNonNull(systemRelations, "systemRelations is null");
        requireNonNull(allowedTableFunctions, "allowedTableFunctions is null");
        shownSettings = shownSettings == null ? null : Set.copyOf(shownSettings);
    }

    static DialectRules forDialect(Dialect dialect) {
        return switch (requireNonNull(dialect, "dialect is null")) {
            case DUCKDB -> DuckDbRules.RULES;
            case POSTGRES -> PostgresRules.RULES;
            case TRINO -> TrinoRules.RULES;
        };
    }

    /** The rule for a function name used as a scalar or aggregate, or null when it is allowed. */
    GuardRule functionRule(String name) {
        if (fileAccess.matches(name)) {
            return GuardRule.FILE_ACCESS;
        }
        if (systemAccess.matches(name)) {
            return GuardRule.SYSTEM_ACCESS;
        }
        if (deniedFunctions.matches(name)) {
            return GuardRule.DENIED_FUNCTION;
        }
        return null;
    }

    /** The rule for a function used in FROM, or null when it is on the allow list. */
    GuardRule tableFunctionRule(String name) {
        GuardRule rule = functionRule(name);
        if (rule != null) {
            return rule;
        }
        return allowedTableFunctions.matches(name) ? null : GuardRule.DENIED_TABLE_FUNCTION;
    }
}
