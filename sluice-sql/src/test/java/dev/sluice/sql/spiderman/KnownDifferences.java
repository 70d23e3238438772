package dev.sluice.sql.spiderman;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Decides whether DuckDB and PostgreSQL results that differ may legitimately differ. The one
 * genuine difference in the gold queries: rows that tie on every ORDER BY key come back in an
 * engine-specific order, and a LIMIT that cuts through a group of tied rows keeps engine-specific
 * rows (MySQL leaves both unspecified too).
 *
 * <p>The check is strict: the query is re-run on both engines with its ORDER BY keys appended as
 * extra columns. The sequences of keys must be equal row by row; within each group of equal keys
 * the rows must be equal as multisets, except the last group when a LIMIT applies, whose rows on
 * each engine must all be tied rows of the other engine's result without the LIMIT.
 */
final class KnownDifferences {
    static final String TIES = "ties under ORDER BY";
    static final String TIES_AT_LIMIT = "LIMIT cuts through rows tied under ORDER BY";

    static final String SUBQUERY_TIES_AT_LIMIT = "a subquery's LIMIT cuts through tied rows";

    /**
     * Gold queries whose subquery picks one of several tied rows ({@code ORDER BY ... LIMIT 1}), so
     * the outer result legitimately depends on the engine; each with a witness query that must count
     * more than one tied candidate on both engines for the explanation to hold.
     */
    private static final java.util.Map<String, String> SUBQUERY_TIES = java.util.Map.of(
            "SELECT `t1`.`name`, `t2`.`date_of_treatment` FROM `Dogs` AS `t1` JOIN `Treatments` AS `t2` ON "
                    + "`t1`.`dog_id` = `t2`.`dog_id` WHERE `t1`.`breed_code` = (SELECT `breed_code` FROM `Dogs` "
                    + "GROUP BY `breed_code` ORDER BY COUNT(*) ASC LIMIT 1) GROUP BY `t1`.`name`, `t2`.`date_of_treatment`",
            "SELECT COUNT(*) FROM (SELECT breed_code FROM dogs GROUP BY breed_code HAVING COUNT(*) = "
                    + "(SELECT MIN(n) FROM (SELECT COUNT(*) AS n FROM dogs GROUP BY breed_code) AS c)) AS tied");

    private KnownDifferences() {}

    /** The explanation for a gold query listed in {@link #SUBQUERY_TIES}, checked on both engines. */
    static String explainListed(Connection duck, Connection pg, String goldSql) throws SQLException {
        String witness = SUBQUERY_TIES.get(goldSql);
        if (witness == null) {
            return null;
        }
        double d = (Double) ResultRows.run(duck, witness).get(0).get(0);
        double p = (Double) ResultRows.run(pg, witness).get(0).get(0);
        return d > 1 && p > 1 ? SUBQUERY_TIES_AT_LIMIT : null;
    }

    /** A reason when the results may legitimately differ, else null. */
    static String explain(Connection duck, Connection pg, String duckSql, String pgSql) throws SQLException {
        Keyed d = keyed(duckSql);
        Keyed p = keyed(pgSql);
        if (d == null || p == null) {
            return null;
        }
        List<List<Object>> dRows = ResultRows.run(duck, d.limited());
        List<List<Object>> pRows = ResultRows.run(pg, p.limited());
        if (dRows.size() != pRows.size()) {
            return null;
        }
        int width = d.width();
        for (int i = 0; i < dRows.size(); i++) {
            if (!ResultRows.sameRow(keys(dRows.get(i), width), keys(pRows.get(i), width))) {
                return null;
            }
        }
        int start = 0;
        while (start < dRows.size()) {
            int end = start + 1;
            while (end < dRows.size() && ResultRows.sameRow(keys(dRows.get(end), width), keys(dRows.get(start), width))) {
                end++;
            }
            boolean last = end == dRows.size();
            if (last && d.hasLimit()) {
                List<Object> key = keys(dRows.get(start), width);
                if (!tiedIn(dRows.subList(start, end), ResultRows.run(pg, p.unlimited()), key, width)
                        || !tiedIn(pRows.subList(start, end), ResultRows.run(duck, d.unlimited()), key, width)) {
                    return null;
                }
                return TIES_AT_LIMIT;
            }
            if (!ResultRows.sameMultiset(dRows.subList(start, end), pRows.subList(start, end))) {
                return null;
            }
            start = end;
        }
        return TIES;
    }

    /** Every row of {@code rows} occurs among the rows of {@code full} whose keys equal {@code key}. */
    private static boolean tiedIn(List<List<Object>> rows, List<List<Object>> full, List<Object> key, int width) {
        List<List<Object>> pool = new ArrayList<>();
        for (List<Object> r : full) {
            if (ResultRows.sameRow(keys(r, width), key)) {
                pool.add(r);
            }
        }
        for (List<Object> r : rows) {
            boolean found = false;
            for (int i = 0; i < pool.size() && !found; i++) {
                if (ResultRows.sameRow(pool.get(i), r)) {
                    pool.remove(i);
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> keys(List<Object> row, int width) {
        return row.subList(row.size() - width, row.size());
    }

    private record Keyed(String limited, String unlimited, int width, boolean hasLimit) {}

    /** The query with its ORDER BY keys appended as columns, with and without its LIMIT. */
    private static Keyed keyed(String sql) {
        try {
            if (!(CCJSqlParserUtil.parse(sql) instanceof PlainSelect ps) || ps.getOrderByElements() == null) {
                return null;
            }
            int k = 0;
            for (OrderByElement o : ps.getOrderByElements()) {
                Expression e = o.getExpression();
                if (e instanceof LongValue ordinal) {
                    e = ps.getSelectItems().get((int) ordinal.getValue() - 1).getExpression();
                } else if (e instanceof Column c && c.getTable() == null) {
                    for (SelectItem<?> item : ps.getSelectItems()) {
                        if (item.getAlias() != null
                                && item.getAlias().getName().replace("\"", "").equalsIgnoreCase(c.getColumnName().replace("\"", ""))) {
                            e = item.getExpression();
                        }
                    }
                }
                ps.addSelectItem(e, new Alias("sluice_key_" + k++));
            }
            String limited = ps.toString();
            boolean hasLimit = ps.getLimit() != null;
            ps.setLimit(null);
            return new Keyed(limited, ps.toString(), k, hasLimit);
        } catch (JSQLParserException | RuntimeException e) {
            return null;
        }
    }
}
