package dev.sluice.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * The shared audit store: the table {@code sluice_audit} in a PostgreSQL database, created (with
 * {@code sluice_audit_schema}) if missing; several Sluice servers may share it. Appends use the
 * same group commit as SQLite; a commit is as durable as the server's {@code synchronous_commit}
 * makes it (on by default: flushed to the server's WAL). A lost connection is reopened on the
 * next batch.
 */
public final class PostgresAuditStore {
    static final int MAX_BATCH = 1_024;

    private PostgresAuditStore() {
    }

    /**
     * Connects to {@code url} ({@code jdbc:postgresql://...}) and migrates the schema.
     *
     * @param user     user name, or null to take it from the URL
     * @param password password, or null to take it from the URL (or none)
     * @throws AuditException if the server cannot be reached or the schema cannot be created
     */
    public static AuditLog open(String url, String user, String password, Redaction redaction, Clock clock) {
        requireNonNull(url, "url is null");
        requireNonNull(redaction, "redaction is null");
        requireNonNull(clock, "clock is null");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new AuditException("audit store URL must start with jdbc:postgresql://, got " + redact(url));
        }
        String location = redact(url);
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("reWriteBatchedInserts", "true");
        props.setProperty("ApplicationName", "sluice-audit");
        props.setProperty("connectTimeout", "10");
        ConnectionSource connections = () -> DriverManager.getConnection(url, props);
        Connection first;
        try {
            first = connections.open();
        } catch (SQLException e) {
            throw new AuditException("could not connect to the audit store " + location + ": " + e.getMessage()
                    + "; check audit.store, audit.user and audit.password and that the server is running", e);
        }
        try {
            Migrations.apply(first, Dialect.POSTGRES, clock, location);
        } catch (SQLException e) {
            closeQuietly(first);
            throw new AuditException("could not create the audit tables in " + location + ": " + e.getMessage()
                    + "; the user needs CREATE on the database's schema (or create them as described in docs/audit.md)", e);
        } catch (RuntimeException e) {
            closeQuietly(first);
            throw e;
        }
        GroupCommitWriter writer = new GroupCommitWriter(location, Dialect.POSTGRES, connections, clock, MAX_BATCH);
        writer.start(first);
        return new JdbcAuditLog(location, Dialect.POSTGRES, connections, writer, redaction);
    }

    /** The URL without its query string, which may hold a password. */
    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }
}
