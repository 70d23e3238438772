package dev.sluice.sql.jdbc;

import dev.sluice.sql.source.RowSink;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Reads one column of the current row into a {@link RowSink}. Chosen once per column from the
 * result's metadata, so the per-value work is one typed getter and no type dispatch where the
 * type is known; every reader shows the same JSON as {@link JsonValues#read}.
 */
@FunctionalInterface
public interface ColumnReader {
    void read(ResultSet rs, int index, RowSink sink) throws SQLException;

    /** Picks the reader of each column of a result; engines with cheaper getters plug in their own. */
    @FunctionalInterface
    interface Choice {
        ColumnReader forColumn(ResultSetMetaData md, int index) throws SQLException;
    }

    /** Plain JDBC: primitive getters where the driver says the value is that boxed type, else {@link JsonValues}. */
    Choice STANDARD = ColumnReader::standard;

    static ColumnReader standard(ResultSetMetaData md, int index) throws SQLException {
        int sqlType = JsonValues.sqlType(md, index);
        // the driver's class name guards the primitive getters: a BIGINT that arrives as BigInteger
        // (unsigned types) must keep going through getObject
        String javaClass = md.getColumnClassName(index);
        if (sqlType == Types.BIGINT && Long.class.getName().equals(javaClass)) {
            return (rs, i, sink) -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    sink.nullValue();
                } else {
                    sink.longValue(v);
                }
            };
        }
        if (sqlType == Types.INTEGER && Integer.class.getName().equals(javaClass)) {
            return (rs, i, sink) -> {
                int v = rs.getInt(i);
                if (rs.wasNull()) {
                    sink.nullValue();
                } else {
                    sink.intValue(v);
                }
            };
        }
        return (rs, i, sink) -> JsonValues.read(rs, i, sqlType, sink);
    }
}
