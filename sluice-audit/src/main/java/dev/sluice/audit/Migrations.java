package dev.sluice.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * Brings a store's schema to {@link #CURRENT}: the table {@code sluice_audit_schema} lists the
 * versions applied (with when); each missing version runs in one transaction. A store written by
 * a newer Sluice (a higher version) is refused rather than guessed at.
 */
final class Migrations {
    static final int CURRENT = 2;

    private Migrations() {
    }

    static void apply(Connection c, Dialect dialect, Clock clock, String location) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (dialect.migrationLock() != null) {
                s.execute(dialect.migrationLock());
            }
            s.execute("create table if not exists " + Dialect.SCHEMA_TABLE
                    + " (version integer primary key, applied_at text not null, description text not null)");
            int version = 0;
            try (ResultSet rs = s.executeQuery("select max(version) from " + Dialect.SCHEMA_TABLE)) {
                if (rs.next()) {
                    version = rs.getInt(1);
                }
            }
            if (version > CURRENT) {
                throw new AuditException("the audit store at " + location + " has schema version " + version
                        + " but this build of Sluice knows only up to " + CURRENT
                        + "; it was written by a newer Sluice: upgrade Sluice, or point audit.store elsewhere");
            }
            for (int v = version + 1; v <= CURRENT; v++) {
                for (String sql : statements(v, dialect)) {
                    s.execute(sql);
                }
                try (PreparedStatement ps = c.prepareStatement("insert into " + Dialect.SCHEMA_TABLE
                        + " (version, applied_at, description) values (?, ?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, clock.instant().toString());
                    ps.setString(3, description(v));
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static List<String> statements(int version, Dialect dialect) {
        return switch (version) {
            case 1 -> dialect.schemaV1();
            case 2 -> dialect.columnsAddedIn(2);
            default -> throw new IllegalStateException("no migration to version " + version);
        };
    }

    private static String description(int version) {
        return switch (version) {
            case 1 -> "sluice_audit table with indexes on time, principal and tool";
            case 2 -> "clarification column: the clarifying question text-to-SQL asked and its outcome, as JSON";
            default -> throw new IllegalStateException("no migration to version " + version);
        };
    }
}
