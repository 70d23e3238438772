package dev.sluice.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Purges records older than the retention period: {@link #runOnce()} on demand, or periodically
 * on an injected scheduler with {@link #schedule}. A retention of zero keeps everything.
 */
public final class Retention {
    /** How often a scheduled retention purges by default. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    private final AuditLog log;
    private final Duration retention;
    private final Clock clock;

    public Retention(AuditLog log, Duration retention, Clock clock) {
        this.log = requireNonNull(log, "log is null");
        this.retention = requireNonNull(retention, "retention is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative, got " + retention);
        }
    }

    /** The instant before which records are purged now, or null when records are kept forever. */
    public Instant cutoff() {
        return retention.isZero() ? null : clock.instant().minus(retention);
    }

    /** Purges once; returns how many records went (0 when records are kept forever). */
    public long runOnce() {
        Instant cutoff = cutoff();
        return cutoff == null ? 0 : log.purge(cutoff);
    }

    /**
     * Runs {@link #runOnce()} now and then every {@code interval} on {@code scheduler}; failures go
     * to {@code onError} and the next run tries again. Cancel the returned future to stop. With a
     * retention of zero the task runs but purges nothing.
     */
    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Duration interval, Consumer<RuntimeException> onError) {
        requireNonNull(scheduler, "scheduler is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(onError, "onError is null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                onError.accept(e); // a failing purge must not cancel the schedule
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
