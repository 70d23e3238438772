package dev.sluice.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.llm.eval.ResultComparison;
import dev.sluice.mcp.Json;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.util.TablesNamesFinder;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a query's result depends on how the engine breaks ties under its {@code ORDER BY}s: rows
 * that are equal on every key come back in any order, and a {@code LIMIT} that cuts through them
 * keeps any of them (MySQL, DuckDB and PostgreSQL all leave this unspecified; DuckDB's parallel
 * aggregation makes it differ from one run to the next). The query is run twice, with every
 * {@code ORDER BY} (the outer one and those of subqueries) extended by all its selected columns,
 * ascending and then descending: two deterministic tie-breaks. If the results differ as the eval
 * compares them ({@link ResultComparison}: in order when the outer query is ordered, numbers within
 * its tolerance), the result is not determined by the query.
 */
final class TiedOrder {
    private TiedOrder() {
    }

    static boolean dependsOnTies(Connection connection, String sql) throws SQLException {
        String asc = tieBroken(sql, true);
        if (asc == null) {
            return false;
        }
        return !ResultComparison.sameResult(rows(connection, asc), rows(connection, tieBroken(sql, false)),
                ResultComparison.hasTopLevelOrderBy(sql));
    }

    /** {@code sql} with each ORDER BY extended by its select's columns by position; null when it has none to extend. */
    static String tieBroken(String sql, boolean ascending) {
        Select select;
        try {
            select = (Select) CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            throw new IllegalArgumentException("cannot parse " + sql, e);
        }
        List<Select> ordered = new ArrayList<>();
        new TablesNamesFinder<Void>() {
            @Override
            public <S> Void visit(PlainSelect plainSelect, S context) {
                ordered.add(plainSelect);
                return super.visit(plainSelect, context);
            }

            @Override
            public <S> Void visit(SetOperationList list, S context) {
                ordered.add(list);
                return super.visit(list, context);
            }
        }.getTables((net.sf.jsqlparser.statement.Statement) select);
        boolean changed = false;
        for (Select s : ordered) {
            Select first = s instanceof SetOperationList list ? list.getSelect(0) : s;
            List<SelectItem<?>> items = first instanceof PlainSelect p ? p.getSelectItems() : null;
            if (s.getOrderByElements() == null || items == null || items.stream().anyMatch(i -> i.getExpression() instanceof AllColumns)) {
                continue;
            }
            for (int i = 1; i <= items.size(); i++) {
                OrderByElement e = new OrderByElement();
                e.setExpression(new LongValue(i));
                e.setAsc(ascending);
                e.setNullOrdering(ascending ? OrderByElement.NullOrdering.NULLS_FIRST : OrderByElement.NullOrdering.NULLS_LAST);
                s.getOrderByElements().add(e);
            }
            changed = true;
        }
        return changed ? select.toString() : null;
    }

    /** The rows as the eval compares them: numbers as numbers, NULL as null, everything else as its text. */
    private static List<List<JsonNode>> rows(Connection connection, String sql) throws SQLException {
        JsonNodeFactory f = Json.MAPPER.getNodeFactory();
        List<List<JsonNode>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<JsonNode> row = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    row.add(switch (rs.getObject(i)) {
                        case null -> f.nullNode();
                        case BigDecimal d -> f.numberNode(d);
                        case Double d -> f.numberNode(d);
                        case Float d -> f.numberNode(d);
                        case Number n -> f.numberNode(n.longValue());
                        case Object o -> f.textNode(o.toString());
                    });
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
