package dev.sluice.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;

import static dev.sluice.audit.AuditRecords.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteAuditStoreTest extends AuditLogContractTest {
    @TempDir
    Path dir;

    private Path current;

    private Path file() {
        return current != null ? current : dir.resolve("audit.db");
    }

    @Override
    protected AuditLog openFresh() {
        return SqliteAuditStore.open(file(), SyncMode.NORMAL, Redaction.defaults(), CLOCK);
    }

    @Override
    protected AuditLog reopen() {
        return openFresh();
    }

    @Override
    protected Connection connectToEmptyStore() throws java.sql.SQLException {
        Path fresh = dir.resolve("old-" + System.nanoTime() + ".db");
        current = fresh;
        return DriverManager.getConnection("jdbc:sqlite:" + fresh);
    }

    @Override
    protected Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Test
    void open_usesWalMode_andRecordsTheSchemaVersion() throws Exception {
        log.append(AuditRecords.full(T0));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("pragma journal_mode");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
            rs = s.executeQuery("select version, applied_at from sluice_audit_schema order by version");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo(CLOCK.instant().toString());
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void open_syncFull_storesRecordsToo() {
        log.close();
        log = SqliteAuditStore.open(file(), SyncMode.FULL, Redaction.defaults(), CLOCK);
        AuditRecord r = AuditRecords.full(T0);

        log.append(r);

        assertThat(log.get(r.id())).contains(r);
    }

    @Test
    void open_refusesAFileThatIsNotSqlite_andLeavesItUntouched() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not a database, it is a shopping list\n".repeat(200));
        String before = sha256(garbage);

        assertThatThrownBy(() -> SqliteAuditStore.open(garbage, SyncMode.NORMAL, Redaction.defaults(), CLOCK))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("is not a SQLite database")
                .hasMessageContaining("left untouched")
                .hasMessageContaining("move this one aside");
        assertThat(sha256(garbage)).isEqualTo(before);
        assertThat(dir.resolve("garbage.db-wal")).doesNotExist();
    }

    @Test
    void open_refusesADamagedStore_andLeavesItUntouched() throws Exception {
        for (int i = 0; i < 50; i++) {
            log.append(AuditRecords.full(T0.plusSeconds(i)));
        }
        log.close();
        log = null;
        byte[] bytes = Files.readAllBytes(file());
        // keep the 100-byte header, scribble over the rest of page 1 (the schema) and beyond
        for (int i = 100; i < Math.min(bytes.length, 8192); i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file(), bytes);
        String before = sha256(file());

        assertThatThrownBy(this::openFresh)
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("is damaged or unreadable")
                .hasMessageContaining("left untouched");
        assertThat(sha256(file())).isEqualTo(before);
    }

    @Test
    void open_refusesASqliteDatabaseWithOtherTables() throws Exception {
        Path other = dir.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("create table customers (id integer)");
        }
        String before = sha256(other);

        assertThatThrownBy(() -> SqliteAuditStore.open(other, SyncMode.NORMAL, Redaction.defaults(), CLOCK))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("not a Sluice audit store")
                .hasMessageContaining("customers");
        assertThat(sha256(other)).isEqualTo(before);
    }

    @Test
    void open_refusesAStoreFromANewerSluice() throws Exception {
        log.close();
        log = null;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            s.execute("insert into sluice_audit_schema values (3, 'later', 'from the future')");
        }

        assertThatThrownBy(this::openFresh)
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("schema version 3")
                .hasMessageContaining("upgrade Sluice");
    }

    @Test
    void open_failsClearlyWhenTheDirectoryIsMissing() {
        assertThatThrownBy(() -> SqliteAuditStore.open(dir.resolve("nope/audit.db"), SyncMode.NORMAL,
                Redaction.defaults(), CLOCK))
                .isInstanceOf(AuditException.class)
                .hasMessageContaining("does not exist; create it or point audit.store at another file");
    }

    @Test
    void purge_deletesInChunksUntilNothingOldIsLeft() {
        int n = 5_000 + 7; // more than one purge chunk
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = thread; i < n; i += 8) {
                        log.append(AuditRecords.minimal(T0.minusSeconds(i + 1), "p", "t", AuditStatus.OK));
                    }
                });
            }
        }
        log.append(AuditRecords.minimal(T0, "p", "t", AuditStatus.OK));

        assertThat(log.purge(T0)).isEqualTo(n);
        assertThat(log.search(AuditQuery.all())).hasSize(1);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
