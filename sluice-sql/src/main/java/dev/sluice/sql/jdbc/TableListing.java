package dev.sluice.sql.jdbc;

import dev.sluice.sql.source.TableInfo;
import dev.sluice.sql.source.TableRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a source's table-listing query, the same shape on every JDBC engine: parameters schema,
 * schema, pattern, pattern, pattern (each may be null), and columns schema, name, type, row
 * estimate, comment. A pattern without {@code %} or {@code _} matches anywhere in the name.
 */
public final class TableListing {
    private TableListing() {
    }

    public static List<TableInfo> run(Connection connection, String sql, String schema, String pattern) throws SQLException {
        String like = pattern == null ? null : (pattern.contains("%") || pattern.contains("_") ? pattern : "%" + pattern + "%");
        List<TableInfo> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.setString(3, like);
            ps.setString(4, like);
            ps.setString(5, like);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long estimate = rs.getLong(4);
                    Long rowEstimate = rs.wasNull() ? null : estimate;
                    String comment = rs.getString(5);
                    tables.add(new TableInfo(new TableRef(null, rs.getString(1), rs.getString(2)), rs.getString(3), rowEstimate,
                            comment == null || comment.isEmpty() ? null : comment));
                }
            }
        }
        return tables;
    }
}
