package dev.sluice.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** What differs between the SQL engines that hold audit records. */
enum Dialect {
    /** Time as INTEGER microseconds since the epoch. */
    SQLITE {
        @Override
        String sqlType(AuditField.Type type) {
            return switch (type) {
                case INTEGER, BIGINT, TIME -> "integer";
                default -> "text";
            };
        }

        @Override
        String insertVerb() {
            return "insert or ignore into";
        }

        @Override
        String insertSuffix() {
            return "";
        }

        @Override
        String likeOperator() {
            return "like";
        }

        @Override
        void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
            ps.setLong(index, Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000));
        }

        @Override
        Instant getTime(ResultSet rs, String column) throws SQLException {
            long micros = rs.getLong(column);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        }

        @Override
        String migrationLock() {
            return null; // SQLite serialises writers itself; the migration runs in an immediate transaction
        }
    },
    /** Time as {@code timestamptz}. */
    POSTGRES {
        @Override
        String sqlType(AuditField.Type type) {
            return switch (type) {
                case INTEGER -> "integer";
                case BIGINT -> "bigint";
                case TIME -> "timestamptz";
                default -> "text";
            };
        }

        @Override
        String insertVerb() {
            return "insert into";
        }

        @Override
        String insertSuffix() {
            return " on conflict (id) do nothing";
        }

        @Override
        String likeOperator() {
            return "ilike";
        }

        @Override
        void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
            ps.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
        }

        @Override
        Instant getTime(ResultSet rs, String column) throws SQLException {
            OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }

        @Override
        String migrationLock() {
            return "select pg_advisory_xact_lock(7320155218)"; // a fixed key: servers sharing a database migrate one at a time
        }
    };

    static final String TABLE = "sluice_audit";
    static final String SCHEMA_TABLE = "sluice_audit_schema";
    private static final List<String> REQUIRED = List.of("id", "time", "kind", "status", "guard_decision");
    private static final List<String> SEARCHED = List.of("arguments", "question", "clarification", "generated_sql", "final_sql", "error", "summary");

    abstract String sqlType(AuditField.Type type);

    abstract String insertVerb();

    abstract String insertSuffix();

    /** The case-insensitive LIKE of this engine (SQLite's {@code like} folds ASCII only). */
    abstract String likeOperator();

    abstract void setTime(PreparedStatement ps, int index, Instant time) throws SQLException;

    abstract Instant getTime(ResultSet rs, String column) throws SQLException;

    /** A statement that serialises migrations across processes, or null. */
    abstract String migrationLock();

    /** Schema version 1: the table (with the fields of version 1 only) and its indexes. */
    List<String> schemaV1() {
        List<String> columns = new ArrayList<>();
        for (AuditField f : AuditField.ALL) {
            if (f.since() != 1) {
                continue;
            }
            String column = "\"" + f.name() + "\" " + sqlType(f.type());
            if (f.name().equals("id")) {
                column += " primary key";
            } else if (REQUIRED.contains(f.name())) {
                column += " not null";
            }
            columns.add(column);
        }
        return List.of(
                "create table " + TABLE + " (" + String.join(", ", columns) + ")",
                "create index " + TABLE + "_time on " + TABLE + " (\"time\")",
                "create index " + TABLE + "_principal on " + TABLE + " (principal, \"time\")",
                "create index " + TABLE + "_tool on " + TABLE + " (tool, \"time\")");
    }

    /** A later schema version that adds columns: one {@code alter table} per field added in {@code version}, all nullable. */
    List<String> columnsAddedIn(int version) {
        List<String> statements = new ArrayList<>();
        for (AuditField f : AuditField.ALL) {
            if (f.since() == version) {
                statements.add("alter table " + TABLE + " add column \"" + f.name() + "\" " + sqlType(f.type()));
            }
        }
        if (statements.isEmpty()) {
            throw new IllegalStateException("no field is added in schema version " + version);
        }
        return statements;
    }

    String insertSql() {
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (AuditField f : AuditField.ALL) {
            if (!cols.isEmpty()) {
                cols.append(", ");
                marks.append(", ");
            }
            cols.append('"').append(f.name()).append('"');
            marks.append('?');
        }
        return insertVerb() + " " + TABLE + " (" + cols + ") values (" + marks + ")" + insertSuffix();
    }

    /** The columns a free-text search looks in. */
    static List<String> searchedColumns() {
        return SEARCHED;
    }

    void bind(PreparedStatement ps, AuditRecord record) throws SQLException {
        int i = 1;
        for (AuditField f : AuditField.ALL) {
            Object value = f.toStored(f.get(record));
            switch (f.type()) {
                case TIME -> setTime(ps, i, (Instant) value);
                case INTEGER -> {
                    if (value == null) {
                        ps.setNull(i, Types.INTEGER);
                    } else {
                        ps.setInt(i, (Integer) value);
                    }
                }
                case BIGINT -> {
                    if (value == null) {
                        ps.setNull(i, Types.BIGINT);
                    } else {
                        ps.setLong(i, (Long) value);
                    }
                }
                default -> ps.setString(i, (String) value);
            }
            i++;
        }
    }

    AuditRecord read(ResultSet rs) throws SQLException {
        AuditRecord.Builder b = AuditRecord.emptyBuilder();
        for (AuditField f : AuditField.ALL) {
            Object value = switch (f.type()) {
                case TIME -> getTime(rs, f.name());
                case INTEGER -> {
                    int v = rs.getInt(f.name());
                    yield rs.wasNull() ? null : v;
                }
                case BIGINT -> {
                    long v = rs.getLong(f.name());
                    yield rs.wasNull() ? null : v;
                }
                default -> f.fromStored(rs.getString(f.name()));
            };
            f.set(b, value);
        }
        return b.build();
    }
}
