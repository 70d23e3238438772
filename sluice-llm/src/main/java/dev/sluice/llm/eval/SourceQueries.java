package dev.sluice.llm.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.guard.GuardVerdict;
import dev.sluice.sql.guard.SqlGuard;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.spiderman.MySqlQueryTranslator;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs SQL on the evaluated source and collects its rows for comparison, and prepares gold SQL:
 * as written for the demo lake; for a SpiderMan database loaded into a schema of a DuckDB or
 * PostgreSQL source, through {@link MySqlQueryTranslator} with bare table names qualified by that schema.
 */
final class SourceQueries {
    /** Results larger than this are not compared (an evaluation question should not need them). */
    static final int MAX_ROWS = 100_000;

    private final Source source;
    private final Duration timeout;

    SourceQueries(Source source, Duration timeout) {
        this.source = source;
        this.timeout = timeout;
    }

    /** Whether {@code database} names a schema of the source (a SpiderMan database), so it is a retrieval hint. */
    boolean isSchema(String database) {
        return !source.listTables(database, null).isEmpty();
    }

    /** The gold SQL to run: translated and qualified when {@code database} is a schema of the source. */
    String gold(EvalQuestion q) {
        if (!isSchema(q.database()) || source.dialect() == Dialect.TRINO) {
            return q.goldSql();
        }
        return qualify(MySqlQueryTranslator.translate(q.goldSql(), source.dialect()), q.database());
    }

    /** Every row of {@code sql}; throws with the engine's or the guard's message when it cannot run. */
    List<List<JsonNode>> rows(String sql) {
        GuardVerdict verdict = SqlGuard.forDialect(source.dialect()).check(sql);
        if (!verdict.allowed()) {
            throw new IllegalArgumentException("the SQL guard refused it (rule " + verdict.rule() + "): " + verdict.message());
        }
        List<List<JsonNode>> rows = new ArrayList<>();
        try (QueryCursor cursor = source.execute(sql, List.of(), timeout, new Cancellation())) {
            JsonNode[] row;
            while ((row = cursor.next()) != null) {
                if (rows.size() == MAX_ROWS) {
                    throw new IllegalArgumentException("more than " + MAX_ROWS + " rows; not compared");
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }

    /** {@code sql} with every bare table name (not a CTE) qualified by {@code schema}. */
    static String qualify(String sql, String schema) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            return sql; // runs as translated; the engine will say what is wrong
        }
        Set<String> ctes = new HashSet<>();
        if (statement instanceof Select select && select.getWithItemsList() != null) {
            for (WithItem<?> w : select.getWithItemsList()) {
                ctes.add(bare(w.getAliasName()));
            }
        }
        String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
        new TablesNamesFinder<Void>() {
            @Override
            public <S> Void visit(Table table, S context) {
                if (table.getSchemaName() == null && !ctes.contains(bare(table.getName()))) {
                    table.setSchemaName(quoted);
                }
                return super.visit(table, context);
            }
        }.getTables(statement);
        return statement.toString();
    }

    private static String bare(String name) {
        return name == null ? "" : name.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }
}
