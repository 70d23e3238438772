package dev.sluice.sql.spiderman;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Query results normalised for comparison across engines. */
final class ResultRows {
    private ResultRows() {}

    static List<List<Object>> run(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(normalise(rs.getObject(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Numbers become Double (integers exactly), temporal values ISO text, the rest text. */
    static Object normalise(Object v) {
        return switch (v) {
            case null -> null;
            case BigDecimal d -> d.doubleValue();
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1.0 : 0.0;
            case java.sql.Timestamp t -> t.toLocalDateTime().toString();
            case java.sql.Date d -> d.toLocalDate().toString();
            case java.sql.Time t -> t.toLocalTime().toString();
            case java.time.temporal.Temporal t -> t.toString();
            default -> v.toString();
        };
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Math.abs(x - y) <= 1e-6 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
        }
        return Objects.equals(a, b);
    }

    static boolean sameRow(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameInOrder(List<List<Object>> a, List<List<Object>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameRow(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameMultiset(List<List<Object>> a, List<List<Object>> b) {
        return a.size() == b.size() && sameInOrder(sorted(a), sorted(b));
    }

    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(ResultRows::sortKey));
        return copy;
    }

    private static String sortKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object v : row) {
            key.append(v instanceof Double d ? String.format("%.5e", d) : String.valueOf(v)).append('\u0001');
        }
        return key.toString();
    }
}
