package dev.sluice.sql.duckdb;

import dev.sluice.sql.jdbc.ColumnReader;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * DuckDB's cheaper getters. A plain {@code TIMESTAMP} is microseconds since the epoch and
 * {@code getLong} returns them as stored, where {@code getObject(LocalDateTime)} builds an Instant
 * and a LocalDateTime per value; the result is the same local date-time.
 */
final class DuckDbColumns {
    private DuckDbColumns() {
    }

    static ColumnReader forColumn(ResultSetMetaData md, int index) throws SQLException {
        if ("TIMESTAMP".equals(md.getColumnTypeName(index))) {
            return (rs, i, sink) -> {
                long micros = rs.getLong(i);
                if (rs.wasNull()) {
                    sink.nullValue();
                } else {
                    sink.timestampMicros(micros);
                }
            };
        }
        return ColumnReader.standard(md, index);
    }
}
