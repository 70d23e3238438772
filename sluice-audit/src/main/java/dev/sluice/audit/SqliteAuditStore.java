package dev.sluice.audit;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The embedded audit store: one SQLite file in WAL mode (plus its {@code -wal} and {@code -shm}
 * side files), written by one group-commit writer connection and read by connections of their own.
 *
 * <p>Opening never repairs or replaces an existing file: a file that is not a SQLite database, is
 * damaged, holds someone else's tables or was written by a newer Sluice is refused with an
 * {@link AuditException} that says so, and is left byte for byte as it was (it is inspected
 * read-only before anything is written). A missing file is created (its directory must exist).
 */
public final class SqliteAuditStore {
    /** Records per transaction at most. */
    static final int MAX_BATCH = 1_024;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private SqliteAuditStore() {
    }

    /**
     * Opens (creating if missing) the store at {@code file}.
     *
     * @throws AuditException if the file cannot be used; the message says why and what to do
     */
    public static AuditLog open(Path file, SyncMode sync, Redaction redaction, Clock clock) {
        requireNonNull(file, "file is null");
        requireNonNull(sync, "sync is null");
        requireNonNull(redaction, "redaction is null");
        requireNonNull(clock, "clock is null");
        Path path = file.toAbsolutePath().normalize();
        String location = path.toString();
        inspect(path);
        String url = "jdbc:sqlite:" + location;
        ConnectionSource writerConnections = () -> config(sync, SQLiteConfig.TransactionMode.IMMEDIATE).createConnection(url);
        ConnectionSource readers = () -> config(sync, SQLiteConfig.TransactionMode.DEFERRED).createConnection(url);
        Connection first;
        try {
            first = writerConnections.open();
            Migrations.apply(first, Dialect.SQLITE, clock, location);
        } catch (SQLException e) {
            throw new AuditException("could not open the audit store " + location + ": " + e.getMessage()
                    + "; check that the file and its directory are writable", e);
        }
        GroupCommitWriter writer = new GroupCommitWriter(location, Dialect.SQLITE, writerConnections, clock, MAX_BATCH);
        writer.start(first);
        return new JdbcAuditLog(location, Dialect.SQLITE, readers, writer, redaction);
    }

    /** Writers begin IMMEDIATE (take the write lock up front); readers DEFERRED (never block the writer). */
    private static SQLiteConfig config(SyncMode sync, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(sync == SyncMode.FULL ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(mode);
        return config;
    }

    /** Refuses, without writing anything, a file that is not a usable audit store. */
    private static void inspect(Path path) {
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new AuditException("audit store " + path + ": directory " + dir
                    + " does not exist; create it or point audit.store at another file");
        }
        if (!Files.exists(path)) {
            return;
        }
        if (!Files.isRegularFile(path)) {
            throw new AuditException("audit store " + path + " is not a regular file; point audit.store at a file");
        }
        long size;
        byte[] header = new byte[MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            size = Files.size(path);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw new AuditException("audit store " + path + " cannot be read: " + e.getMessage()
                    + "; check its permissions", e);
        }
        if (size == 0) {
            return; // an empty file is an empty SQLite database
        }
        if (read < MAGIC.length || !Arrays.equals(header, MAGIC)) {
            throw new AuditException("audit store " + path + " is not a SQLite database (its first bytes are not "
                    + "'SQLite format 3'); it was left untouched. Point audit.store at another file, or move this "
                    + "one aside to start a new audit log");
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        readOnly.setBusyTimeout(BUSY_TIMEOUT_MS);
        Set<String> tables = new HashSet<>();
        int version = 0;
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + path);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select name from sqlite_master where type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.contains(Dialect.SCHEMA_TABLE)) {
                try (ResultSet rs = s.executeQuery("select max(version) from " + Dialect.SCHEMA_TABLE)) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
            }
            if (tables.contains(Dialect.TABLE)) {
                try (ResultSet rs = s.executeQuery("select count(*) from (select id from " + Dialect.TABLE + " limit 1)")) {
                    rs.next();
                }
            }
        } catch (SQLException e) {
            throw new AuditException("audit store " + path + " is damaged or unreadable (SQLite says: " + e.getMessage()
                    + "); it was left untouched. Restore it from a backup, or move it aside (with its -wal and "
                    + "-shm files) to start a new audit log", e);
        }
        if (!tables.isEmpty() && !tables.contains(Dialect.SCHEMA_TABLE)) {
            throw new AuditException("audit store " + path + " is a SQLite database with other tables " + tables
                    + ", not a Sluice audit store; it was left untouched. Point audit.store at another file");
        }
        if (version > Migrations.CURRENT) {
            throw new AuditException("audit store " + path + " has schema version " + version + " but this build of "
                    + "Sluice knows only up to " + Migrations.CURRENT + "; it was written by a newer Sluice: upgrade "
                    + "Sluice, or point audit.store elsewhere");
        }
    }
}
