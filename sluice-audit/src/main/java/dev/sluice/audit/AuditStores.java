package dev.sluice.audit;

import java.nio.file.Path;
import java.time.Clock;

import static java.util.Objects.requireNonNull;

/** Opens the audit log that {@link AuditSettings} describe. */
public final class AuditStores {
    private AuditStores() {
    }

    /**
     * The store of {@code settings} (SQLite file or PostgreSQL), wrapped in a {@link JsonLinesSink}
     * on {@link System#out} when {@code stdout} is set. Retention is not started here: see
     * {@link Retention}.
     *
     * @param clock stamps schema migrations and {@link AuditStats#lastCommit()}
     * @throws AuditException if the store cannot be opened; the message says what to do
     */
    public static AuditLog open(AuditSettings settings, Clock clock) {
        requireNonNull(settings, "settings is null");
        requireNonNull(clock, "clock is null");
        Redaction redaction = settings.redaction();
        AuditLog log = settings.isPostgres()
                ? PostgresAuditStore.open(settings.store(), settings.user(), settings.password(), redaction, clock)
                : SqliteAuditStore.open(Path.of(settings.store()), settings.sync(), redaction, clock);
        return settings.stdout() ? new JsonLinesSink(log, System.out, redaction) : log;
    }
}
