package dev.sluice.llm.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.guard.GuardVerdict;
import dev.sluice.sql.guard.SqlGuard;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.TableInfo;
import dev.sluice.sql.spiderman.MySqlQueryTranslator;
import dev.sluice.sql.spiderman.SqlType;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs SQL on the evaluated source and collects its rows for comparison, and prepares gold SQL:
 * as written for the demo lake; for a SpiderMan database loaded into a schema of a DuckDB or
 * PostgreSQL source, through {@link MySqlQueryTranslator} (given the source's column types) with bare
 * table names qualified by that schema.
 */
final class SourceQueries {
    /** Results larger than this are not compared (an evaluation question should not need them). */
    static final int MAX_ROWS = 100_000;

    private final Source source;
    private final Duration timeout;
    private final Map<String, Optional<String>> schemas = new HashMap<>();
    private final Map<String, Map<String, SqlType.Kind>> kinds = new HashMap<>();

    SourceQueries(Source source, Duration timeout) {
        this.source = source;
        this.timeout = timeout;
    }

    /**
     * The schema of the source that {@code database} names (a SpiderMan database), matched
     * case-insensitively as the loader lower-cases it ({@code cre_Doc_Template_Mgt} is schema
     * {@code cre_doc_template_mgt}); empty when it names none ({@code demo}).
     */
    Optional<String> schemaOf(String database) {
        return schemas.computeIfAbsent(database, d -> {
            if (!source.listTables(d, null).isEmpty()) {
                return Optional.of(d);
            }
            return source.listTables(null, null).stream().map(t -> t.ref().schema())
                    .filter(s -> s != null && s.equalsIgnoreCase(d)).findFirst();
        });
    }

    /** The gold SQL to run: translated and qualified when {@code database} is a schema of the source. */
    String gold(EvalQuestion q) {
        Optional<String> schema = schemaOf(q.database());
        if (schema.isEmpty() || source.dialect() == Dialect.TRINO) {
            return q.goldSql();
        }
        return qualify(MySqlQueryTranslator.translate(q.goldSql(), source.dialect(), columnKinds(schema.get())), schema.get());
    }

    /**
     * The storage kind of every column name in {@code schema}, TEXT where any table stores the name as
     * text, as {@link MySqlQueryTranslator} needs them to convert text where MySQL reads a number
     * ({@code AVG(age)} over a VARCHAR column): the loader widens columns whose data does not fit the DDL.
     */
    Map<String, SqlType.Kind> columnKinds(String schema) {
        return kinds.computeIfAbsent(schema, s -> {
            Map<String, SqlType.Kind> out = new HashMap<>();
            for (TableInfo t : source.listTables(s, null)) {
                source.describe(t.ref(), 0).ifPresent(d -> d.columns().forEach(c -> out.merge(c.name().toLowerCase(Locale.ROOT),
                        kind(c.type()), (a, b) -> a == SqlType.Kind.TEXT || b == SqlType.Kind.TEXT ? SqlType.Kind.TEXT : a)));
            }
            return Map.copyOf(out);
        });
    }

    /** The kind of an engine type name as far as the translator cares: text, date, timestamp, time or a number. */
    static SqlType.Kind kind(String engineType) {
        String t = engineType.strip().toUpperCase(Locale.ROOT);
        if (t.startsWith("VARCHAR") || t.startsWith("CHAR") || t.startsWith("TEXT") || t.startsWith("STRING") || t.startsWith("BPCHAR")) {
            return SqlType.Kind.TEXT;
        }
        if (t.startsWith("TIMESTAMP")) {
            return SqlType.Kind.TIMESTAMP;
        }
        if (t.equals("DATE")) {
            return SqlType.Kind.DATE;
        }
        return t.startsWith("TIME") ? SqlType.Kind.TIME : SqlType.Kind.DOUBLE;
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
