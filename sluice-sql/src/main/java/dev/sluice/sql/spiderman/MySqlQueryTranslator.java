package dev.sluice.sql.spiderman;

import dev.sluice.sql.source.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Rewrites a SpiderMan gold query (MySQL dialect) so that DuckDB and PostgreSQL run it with MySQL's
 * meaning. Tables are expected in the current schema ({@code search_path} set to the database's).
 *
 * <p>Rewrites, in order:
 * <ol>
 *   <li>Lexical: {@code `Name`} → {@code "name"} (identifiers lower-cased, as the loader creates
 *       them); MySQL's double-quoted strings → single-quoted; backslash escapes in strings →
 *       standard SQL.
 *   <li>{@code LIKE} → {@code ILIKE}: MySQL's default collation matches case-insensitively, DuckDB's
 *       and PostgreSQL's LIKE do not.
 *   <li>MySQL lets a grouped query (or one with aggregates and no GROUP BY) select, order by or test
 *       a column that is neither grouped nor aggregated, taking a value from any row of the group;
 *       such columns are wrapped in {@code ANY_VALUE(...)} (DuckDB, PostgreSQL 16+).
 *   <li>{@code ORDER BY} gets MySQL's NULL placement: {@code NULLS FIRST} ascending, {@code NULLS LAST}
 *       descending (both engines default to NULLS LAST).
 *   <li>PostgreSQL only: {@code a / b} → {@code CAST(a AS NUMERIC) / b}, as MySQL's {@code /} never
 *       truncates (DuckDB's {@code /} already yields a double).
 * </ol>
 * <p>With the database's text columns given ({@link #translate(String, Dialect, Set)}), a text
 * column where MySQL expects a number (the argument of {@code AVG}/{@code SUM}, compared with a
 * numeric literal or with a subquery yielding {@code AVG}/{@code SUM}/{@code COUNT}, BETWEEN numeric
 * literals) becomes a double: DuckDB {@code TRY_CAST(c AS DOUBLE)}, PostgreSQL {@code CASE WHEN
 * pg_input_is_valid(c, 'double precision') THEN CAST(c AS DOUBLE PRECISION) END}. Text that is not
 * a number becomes NULL on both, where MySQL would read its numeric prefix or 0 (SpiderMan's
 * {@code car_1.cars_data.horsepower} holds {@code 'null'}); the engines agree with each other.
 *
 * The argument of {@code AVG}/{@code SUM} that is a DATE or DATETIME column becomes MySQL's number
 * for it ({@code YYYYMMDD} or {@code YYYYMMDDhhmmss}), so {@code AVG(transcript_date)} means on
 * DuckDB and PostgreSQL what it means on MySQL.
 *
 * <p>Not rewritten, on purpose: {@code =} and {@code <} on strings stay case-sensitive (the gold
 * queries were written against case-exact values; rewriting every comparison to a collation would
 * obscure them), and {@code LIMIT} is the same on all three.
 */
public final class MySqlQueryTranslator {
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "GROUP_CONCAT",
            "ANY_VALUE", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "BIT_AND",
            "BIT_OR", "BIT_XOR", "STRING_AGG");

    private MySqlQueryTranslator() {}

    /** Translates one MySQL query for {@code dialect} (DUCKDB or POSTGRES), without column types. */
    public static String translate(String mysql, Dialect dialect) {
        return translate(mysql, dialect, Map.of());
    }

    /**
     * Translates one MySQL query for {@code dialect} (DUCKDB or POSTGRES). {@code columnKinds} maps
     * the (lower-cased) column names of the query's database to their storage kind (TEXT where any
     * table stores the name as text): MySQL converts text and date-times to numbers where a number is
     * expected, and DuckDB and PostgreSQL refuse; see the class comment.
     */
    public static String translate(String mysql, Dialect dialect, Map<String, SqlType.Kind> columnKinds) {
        if (dialect == Dialect.TRINO) {
            throw new IllegalArgumentException("gold queries are translated for duckdb and postgres, not trino");
        }
        String lexical = lexical(mysql.strip().replaceFirst(";\\s*$", ""));
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(lexical);
        } catch (JSQLParserException e) {
            throw new IllegalArgumentException("cannot parse the translated query: " + lexical + " ("
                    + firstLine(e) + ")", e);
        }
        if (!(statement instanceof Select select)) {
            throw new IllegalArgumentException("not a query: " + mysql);
        }
        new Rewriter(dialect, Map.copyOf(columnKinds)).select(select);
        return select.toString();
    }

    /** Step 1: identifiers and string literals, token by token. */
    static String lexical(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated `identifier` in: " + sql);
                }
                out.append('"').append(sql.substring(i + 1, end).toLowerCase(Locale.ROOT).replace("\"", "\"\""))
                        .append('"');
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= sql.length()) {
                        throw new IllegalArgumentException("unterminated string literal in: " + sql);
                    }
                    char d = sql.charAt(j);
                    if (d == '\\' && j + 1 < sql.length()) {
                        char e = sql.charAt(j + 1);
                        literal.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case '0' -> '\0';
                            default -> e;
                        });
                        j += 2;
                    } else if (d == c && j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        literal.append(c);
                        j += 2;
                    } else if (d == c) {
                        break;
                    } else {
                        literal.append(d);
                        j++;
                    }
                }
                out.append('\'').append(literal.toString().replace("'", "''")).append('\'');
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static final class Rewriter extends ExpressionVisitorAdapter<Void> {
        private final Dialect dialect;
        private final Map<String, SqlType.Kind> kinds;

        Rewriter(Dialect dialect, Map<String, SqlType.Kind> kinds) {
            this.dialect = dialect;
            this.kinds = kinds;
        }

        @Override
        public <S> Void visit(Function f, S context) {
            String name = f.getName().toUpperCase(Locale.ROOT);
            if ((name.equals("AVG") || name.equals("SUM")) && f.getParameters() != null && f.getParameters().size() == 1) {
                @SuppressWarnings("unchecked")
                ExpressionList<Expression> params = (ExpressionList<Expression>) f.getParameters();
                params.set(0, toNumber(params.get(0)));
                params.set(0, temporalToNumber(params.get(0)));
            }
            return super.visit(f, context);
        }

        @Override
        public <S> Void visit(Between between, S context) {
            if (isNumeric(between.getBetweenExpressionStart()) || isNumeric(between.getBetweenExpressionEnd())) {
                between.setLeftExpression(toNumber(between.getLeftExpression()));
            }
            return super.visit(between, context);
        }

        @Override
        protected <S> Void visitBinaryExpression(BinaryExpression b, S context) {
            if (b instanceof ComparisonOperator) {
                if (isNumeric(b.getRightExpression())) {
                    b.setLeftExpression(toNumber(b.getLeftExpression()));
                }
                if (isNumeric(b.getLeftExpression())) {
                    b.setRightExpression(toNumber(b.getRightExpression()));
                }
            }
            return super.visitBinaryExpression(b, context);
        }

        /** A numeric literal, or a subquery yielding AVG, SUM or COUNT. */
        private static boolean isNumeric(Expression e) {
            if (e instanceof LongValue || e instanceof DoubleValue) {
                return true;
            }
            if (e instanceof SignedExpression signed) {
                return isNumeric(signed.getExpression());
            }
            if (e instanceof ParenthesedSelect p && p.getSelect() instanceof PlainSelect ps
                    && ps.getSelectItems().size() == 1 && ps.getSelectItems().get(0).getExpression() instanceof Function f) {
                return Set.of("AVG", "SUM", "COUNT").contains(f.getName().toUpperCase(Locale.ROOT));
            }
            return false;
        }

        /** MySQL's number for a DATE or DATETIME column: YYYYMMDD or YYYYMMDDhhmmss. */
        private Expression temporalToNumber(Expression e) {
            if (!(e instanceof Column c)) {
                return e;
            }
            SqlType.Kind kind = kinds.get(name(c.getColumnName()));
            if (kind != SqlType.Kind.DATE && kind != SqlType.Kind.TIMESTAMP) {
                return e;
            }
            boolean date = kind == SqlType.Kind.DATE;
            String sql = dialect == Dialect.DUCKDB
                    ? "CAST(strftime(" + c + ", '" + (date ? "%Y%m%d" : "%Y%m%d%H%M%S") + "') AS DOUBLE)"
                    : "CAST(to_char(" + c + ", '" + (date ? "YYYYMMDD" : "YYYYMMDDHH24MISS") + "') AS DOUBLE PRECISION)";
            try {
                return CCJSqlParserUtil.parseExpression(sql);
            } catch (JSQLParserException ex) {
                throw new IllegalStateException(ex);
            }
        }

        /** A text column as a double: NULL where the text is not a number (MySQL would read 0). */
        private Expression toNumber(Expression e) {
            if (!(e instanceof Column c) || kinds.get(name(c.getColumnName())) != SqlType.Kind.TEXT) {
                return e;
            }
            if (dialect == Dialect.DUCKDB) {
                return new CastExpression("TRY_CAST", c, "DOUBLE");
            }
            try {
                return CCJSqlParserUtil.parseExpression("CASE WHEN pg_input_is_valid(" + c + ", 'double precision') THEN CAST("
                        + c + " AS DOUBLE PRECISION) END");
            } catch (JSQLParserException ex) {
                throw new IllegalStateException(ex);
            }
        }

        void select(Select select) {
            if (select.getWithItemsList() != null) {
                select.getWithItemsList().forEach(w -> select(w.getSelect()));
            }
            switch (select) {
                case PlainSelect ps -> plain(ps);
                case SetOperationList set -> set.getSelects().forEach(this::select);
                case ParenthesedSelect p -> select(p.getSelect());
                default -> { }
            }
            orderBy(select.getOrderByElements());
        }

        private void plain(PlainSelect ps) {
            fromItem(ps.getFromItem());
            if (ps.getJoins() != null) {
                for (Join join : ps.getJoins()) {
                    fromItem(join.getRightItem());
                    join.getOnExpressions().forEach(this::expression);
                }
            }
            groupedColumns(ps);
            for (SelectItem<?> item : ps.getSelectItems()) {
                expression(item.getExpression());
            }
            expression(ps.getWhere());
            expression(ps.getHaving());
            if (ps.getGroupBy() != null) {
                for (Object e : ps.getGroupBy().getGroupByExpressionList()) {
                    expression((Expression) e);
                }
            }
            if (ps.getOrderByElements() != null) {
                ps.getOrderByElements().forEach(o -> expression(o.getExpression()));
            }
        }

        private void fromItem(FromItem item) {
            if (item instanceof ParenthesedSelect p) {
                select(p.getSelect());
            } else if (item instanceof ParenthesedFromItem p) {
                fromItem(p.getFromItem());
                if (p.getJoins() != null) {
                    for (Join join : p.getJoins()) {
                        fromItem(join.getRightItem());
                        join.getOnExpressions().forEach(this::expression);
                    }
                }
            }
        }

        private void expression(Expression e) {
            if (e != null) {
                e.accept(this, null);
            }
        }

        private static void orderBy(List<OrderByElement> elements) {
            if (elements == null) {
                return;
            }
            for (OrderByElement o : elements) {
                if (o.getNullOrdering() == null) {
                    o.setNullOrdering(o.isAsc() ? OrderByElement.NullOrdering.NULLS_FIRST
                            : OrderByElement.NullOrdering.NULLS_LAST);
                }
            }
        }

        @Override
        public <S> Void visit(ParenthesedSelect select, S context) {
            select(select.getSelect());
            return null;
        }

        @Override
        public <S> Void visit(Select select, S context) {
            select(select);
            return null;
        }

        @Override
        public <S> Void visit(LikeExpression like, S context) {
            if (like.getLikeKeyWord() == LikeExpression.KeyWord.LIKE) {
                like.setLikeKeyWord(LikeExpression.KeyWord.ILIKE);
            }
            return super.visit(like, context);
        }

        @Override
        public <S> Void visit(Division division, S context) {
            super.visit(division, context);
            if (dialect == Dialect.POSTGRES) {
                CastExpression cast = new CastExpression();
                cast.setLeftExpression(division.getLeftExpression());
                cast.setColDataType(new ColDataType("NUMERIC"));
                division.setLeftExpression(cast);
            }
            return null;
        }

        /** Step 3: ANY_VALUE around columns MySQL lets a grouped query use ungrouped. */
        private void groupedColumns(PlainSelect ps) {
            List<Expression> groupBy = new ArrayList<>();
            if (ps.getGroupBy() != null) {
                for (Object e : ps.getGroupBy().getGroupByExpressionList()) {
                    groupBy.add((Expression) e);
                }
            }
            boolean aggregated = !groupBy.isEmpty();
            for (SelectItem<?> item : ps.getSelectItems()) {
                aggregated |= containsAggregate(item.getExpression());
            }
            if (!aggregated) {
                return;
            }
            List<String> aliases = new ArrayList<>();
            for (int i = 0; i < ps.getSelectItems().size(); i++) {
                SelectItem<?> item = ps.getSelectItems().get(i);
                if (item.getAlias() != null) {
                    aliases.add(item.getAlias().getName().replace("\"", "").toLowerCase(Locale.ROOT));
                }
            }
            // group by an ordinal or an alias: resolve to the select item's expression
            List<Expression> resolved = new ArrayList<>();
            for (Expression g : groupBy) {
                resolved.add(resolve(g, ps));
            }
            for (SelectItem<?> item : ps.getSelectItems()) {
                if (item.getExpression() instanceof Expression e && !(e instanceof net.sf.jsqlparser.statement.select.AllColumns)) {
                    @SuppressWarnings("unchecked")
                    SelectItem<Expression> typed = (SelectItem<Expression>) item;
                    typed.setExpression(wrap(e, resolved, List.of()));
                }
            }
            if (ps.getHaving() != null) {
                ps.setHaving(wrap(ps.getHaving(), resolved, aliases));
            }
            if (ps.getOrderByElements() != null) {
                for (OrderByElement o : ps.getOrderByElements()) {
                    if (!(o.getExpression() instanceof LongValue)) {
                        o.setExpression(wrap(o.getExpression(), resolved, aliases));
                    }
                }
            }
        }

        private static Expression resolve(Expression g, PlainSelect ps) {
            if (g instanceof LongValue ordinal) {
                int i = (int) ordinal.getValue() - 1;
                if (i >= 0 && i < ps.getSelectItems().size()) {
                    return ps.getSelectItems().get(i).getExpression();
                }
            }
            if (g instanceof Column c && c.getTable() == null) {
                for (SelectItem<?> item : ps.getSelectItems()) {
                    if (item.getAlias() != null && name(item.getAlias().getName()).equals(name(c.getColumnName()))) {
                        return item.getExpression();
                    }
                }
            }
            return g;
        }

        private static Expression wrap(Expression e, List<Expression> groupBy, List<String> aliases) {
            if (e == null || isGrouped(e, groupBy)) {
                return e;
            }
            switch (e) {
                case Column c -> {
                    if (c.getTable() == null && aliases.contains(name(c.getColumnName()))) {
                        return e;
                    }
                    if (c.getTable() == null && !c.getColumnName().startsWith("\"")
                            && Set.of("TRUE", "FALSE", "NULL").contains(c.getColumnName().toUpperCase(Locale.ROOT))) {
                        return e;
                    }
                    return new Function("ANY_VALUE", c);
                }
                case Function f -> {
                    if (AGGREGATES.contains(f.getName().toUpperCase(Locale.ROOT)) || f.getParameters() == null) {
                        return e;
                    }
                    wrapList(f.getParameters(), groupBy, aliases);
                    return e;
                }
                case BinaryExpression b -> {
                    b.setLeftExpression(wrap(b.getLeftExpression(), groupBy, aliases));
                    b.setRightExpression(wrap(b.getRightExpression(), groupBy, aliases));
                    return e;
                }
                case ExpressionList<?> list -> {
                    wrapList(list, groupBy, aliases);
                    return e;
                }
                case CastExpression cast -> {
                    cast.setLeftExpression(wrap(cast.getLeftExpression(), groupBy, aliases));
                    return e;
                }
                default -> {
                    return e;
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static void wrapList(ExpressionList<?> list, List<Expression> groupBy, List<String> aliases) {
            ExpressionList<Expression> typed = (ExpressionList<Expression>) list;
            for (int i = 0; i < typed.size(); i++) {
                typed.set(i, wrap(typed.get(i), groupBy, aliases));
            }
        }

        private static boolean isGrouped(Expression e, List<Expression> groupBy) {
            String text = normal(e);
            for (Expression g : groupBy) {
                if (normal(g).equals(text)) {
                    return true;
                }
                if (e instanceof Column c && g instanceof Column gc && name(c.getColumnName()).equals(name(gc.getColumnName()))
                        && (c.getTable() == null || gc.getTable() == null
                                || name(c.getTable().getName()).equals(name(gc.getTable().getName())))) {
                    return true;
                }
            }
            return false;
        }

        private static String normal(Expression e) {
            return e.toString().replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        }

        private static String name(String identifier) {
            return identifier.replace("\"", "").toLowerCase(Locale.ROOT);
        }
    }

    private static boolean containsAggregate(Object expression) {
        if (!(expression instanceof Expression e)) {
            return false;
        }
        boolean[] found = {false};
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Function f, S context) {
                if (AGGREGATES.contains(f.getName().toUpperCase(Locale.ROOT))) {
                    found[0] = true;
                    return null;
                }
                return super.visit(f, context);
            }

            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                return null; // a subquery's aggregates are its own
            }
        }, null);
        return found[0];
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
