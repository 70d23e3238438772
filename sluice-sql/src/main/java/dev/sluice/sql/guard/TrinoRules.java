package dev.sluice.sql.guard;

import dev.sluice.sql.source.Dialect;
import java.util.Set;

/**
 * A stop-gap rule pack for Trino: the union of the PostgreSQL and DuckDB deny lists, {@code unnest}
 * as the only table function (which also refuses pass-through table functions such as
 * {@code system.query(...)}), and Trino's own runtime and metadata tables (matched qualified). It parses with JSqlParser like the
 * other dialects; guarding with Trino's own parser is future work, so Trino-only syntax may be refused
 * as {@code parse_error}.
 */
final class TrinoRules {

    static final Set<String> QUERY_STARTERS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "DESCRIBE", "EXPLAIN");

    static final DialectRules RULES = new DialectRules(
            Dialect.TRINO,
            QUERY_STARTERS,
            PostgresRules.FILE_ACCESS.plus(DuckDbRules.FILE_ACCESS),
            PostgresRules.SYSTEM_ACCESS.plus(DuckDbRules.SYSTEM_ACCESS),
            PostgresRules.DENIED_FUNCTIONS.plus(DuckDbRules.DENIED_FUNCTIONS),
            PostgresRules.SYSTEM_RELATIONS.plus(NameList.of("system.runtime.*", "runtime.*", "system.metadata.*")),
            NameList.of("unnest"),
            false,
            null);

    private TrinoRules() {}
}
