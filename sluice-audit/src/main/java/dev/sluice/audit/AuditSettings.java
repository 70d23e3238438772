package dev.sluice.audit;

import dev.sluice.core.config.ConfigNode;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * The {@code audit:} section of the configuration.
 *
 * <pre>
 * audit:
 *   store: ./sluice-audit.db      # a file (SQLite) or a jdbc:postgresql:// URL; default sluice-audit.db
 *   user: audit                   # PostgreSQL only
 *   password: ${AUDIT_PASSWORD}   # PostgreSQL only
 *   sync: normal                  # SQLite only: normal | full
 *   retention: 90d                # records older than this are purged; 0 keeps them forever
 *   stdout: false                 # also print each record as a JSON line on stdout
 *   max_argument_bytes: 65536     # bound on arguments and every free-text field
 * </pre>
 *
 * A relative file path is resolved against the working directory of the process.
 *
 * @param store            file path or {@code jdbc:postgresql:} URL
 * @param user             PostgreSQL user, or null
 * @param password         PostgreSQL password, or null
 * @param sync             SQLite durability
 * @param retention        how long records are kept; {@link Duration#ZERO} keeps them forever
 * @param stdout           whether to mirror records as JSON lines on stdout
 * @param maxArgumentBytes bound in UTF-8 bytes on stored arguments and free text
 */
public record AuditSettings(String store, String user, String password, SyncMode sync, Duration retention,
                            boolean stdout, int maxArgumentBytes) {
    public static final String DEFAULT_STORE = "sluice-audit.db";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
    private static final int MAX_MAX_ARGUMENT_BYTES = 16 * 1024 * 1024;

    public AuditSettings {
        requireNonNull(store, "store is null");
        requireNonNull(sync, "sync is null");
        requireNonNull(retention, "retention is null");
        if (store.isBlank()) {
            throw new IllegalArgumentException("store must not be blank");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative, got " + retention);
        }
        if (maxArgumentBytes < Redaction.MIN_MAX_BYTES || maxArgumentBytes > MAX_MAX_ARGUMENT_BYTES) {
            throw new IllegalArgumentException("max_argument_bytes must be between " + Redaction.MIN_MAX_BYTES
                    + " and " + MAX_MAX_ARGUMENT_BYTES + ", got " + maxArgumentBytes);
        }
    }

    /** Every default: SQLite file {@code sluice-audit.db} in the working directory. */
    public static AuditSettings defaults() {
        return new AuditSettings(DEFAULT_STORE, null, null, SyncMode.NORMAL, DEFAULT_RETENTION, false,
                Redaction.DEFAULT_MAX_BYTES);
    }

    /** Whether {@link #store()} names a PostgreSQL database rather than a SQLite file. */
    public boolean isPostgres() {
        return store.startsWith("jdbc:postgresql:");
    }

    /** Whether records are kept forever. */
    public boolean keepsForever() {
        return retention.isZero();
    }

    /** The redaction these settings call for. */
    public Redaction redaction() {
        return new Redaction(maxArgumentBytes);
    }

    /** Reads {@code audit:} strictly; errors name file, line and key. */
    public static AuditSettings read(ConfigNode audit) {
        requireNonNull(audit, "audit is null");
        String store = audit.string("store", DEFAULT_STORE).trim();
        if (store.isEmpty()) {
            throw audit.error("store", "must be a file path or a jdbc:postgresql:// URL, got an empty value");
        }
        boolean postgres = store.startsWith("jdbc:postgresql:");
        if (store.startsWith("jdbc:") && !postgres) {
            throw audit.error("store", "only jdbc:postgresql:// URLs are supported (or a file path for the "
                    + "embedded store), got '" + PostgresAuditStore.redact(store) + "'");
        }
        if (store.equals(":memory:")) {
            throw audit.error("store", "must be a file: an in-memory store would lose every record at exit");
        }
        String user = audit.string("user", null);
        String password = audit.string("password", null);
        if (!postgres && (user != null || password != null)) {
            throw audit.error(user != null ? "user" : "password",
                    "applies only to a jdbc:postgresql:// store; remove it or set store to a PostgreSQL URL");
        }
        String syncText = audit.string("sync", null);
        SyncMode sync = SyncMode.NORMAL;
        if (syncText != null) {
            if (postgres) {
                throw audit.error("sync", "applies only to the embedded SQLite store; PostgreSQL's durability is "
                        + "its own synchronous_commit setting");
            }
            sync = switch (syncText.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "normal" -> SyncMode.NORMAL;
                case "full" -> SyncMode.FULL;
                default -> throw audit.error("sync", "must be normal or full, got '" + syncText + "'");
            };
        }
        String retentionText = audit.string("retention", null);
        Duration retention = retentionText != null && retentionText.trim().equals("0")
                ? Duration.ZERO : audit.duration("retention", DEFAULT_RETENTION);
        boolean stdout = audit.bool("stdout", false);
        int maxArgumentBytes = audit.integer("max_argument_bytes", Redaction.DEFAULT_MAX_BYTES,
                Redaction.MIN_MAX_BYTES, MAX_MAX_ARGUMENT_BYTES);
        audit.rejectUnknownKeys();
        return new AuditSettings(store, user, password, sync, retention, stdout, maxArgumentBytes);
    }

    @Override
    public String toString() { // never print the password
        return "AuditSettings[store=" + PostgresAuditStore.redact(store) + ", user=" + user + ", password="
                + (password == null ? null : "****") + ", sync=" + sync + ", retention=" + retention
                + ", stdout=" + stdout + ", maxArgumentBytes=" + maxArgumentBytes + "]";
    }
}
