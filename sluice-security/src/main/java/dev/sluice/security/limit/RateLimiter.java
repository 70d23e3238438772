package dev.sluice.security.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A token bucket per principal subject. Each bucket holds up to {@code burst} tokens and refills at
 * {@code requests_per_second}; a request takes one token. Buckets live in an access-ordered map:
 * buckets idle long enough to be full again are dropped (a new one behaves the same), and when more
 * than {@code maxBuckets} subjects are active the least recently seen is dropped. Time comes from
 * the injected clock; one short lock per call.
 */
public final class RateLimiter {
    public static final int DEFAULT_MAX_BUCKETS = 100_000;
    private static final RateDecision ALLOWED = new RateDecision.Allowed();

    private final RateLimitSettings settings;
    private final Clock clock;
    private final int maxBuckets;
    private final long nanosPerToken;
    private final long fullAfterNanos;
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    public RateLimiter(RateLimitSettings settings, Clock clock, int maxBuckets) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1, got " + maxBuckets);
        }
        this.maxBuckets = maxBuckets;
        this.nanosPerToken = Math.max(1, Math.round(1_000_000_000d / settings.requestsPerSecond()));
        this.fullAfterNanos = nanosPerToken * settings.burst();
    }

    public RateLimiter(RateLimitSettings settings, Clock clock) {
        this(settings, clock, DEFAULT_MAX_BUCKETS);
    }

    /** Takes one request from {@code subject}'s bucket. */
    public RateDecision acquire(String subject) {
        requireNonNull(subject, "subject is null");
        long now = nanos(clock.instant());
        synchronized (buckets) {
            evictIdle(now);
            Bucket b = buckets.get(subject);
            if (b == null) {
                // a full bucket: "empty at" lies one full refill in the past
                b = new Bucket(now - fullAfterNanos);
                buckets.put(subject, b);
                if (buckets.size() > maxBuckets) {
                    Iterator<String> eldest = buckets.keySet().iterator();
                    eldest.next();
                    eldest.remove();
                }
            }
            // the bucket never holds more than burst: emptyAt is at least now - fullAfter
            long emptyAt = Math.max(b.emptyAt, now - fullAfterNanos);
            long next = emptyAt + nanosPerToken;
            if (next > now) {
                long waitNanos = next - now;
                return new RateDecision.Limited(Duration.ofNanos(waitNanos),
                        Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
            }
            b.emptyAt = next;
            return ALLOWED;
        }
    }

    /** Subjects currently tracked (for tests and metrics). */
    public int trackedSubjects() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private void evictIdle(long now) {
        Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            Bucket eldest = it.next().getValue();
            if (now - eldest.emptyAt >= fullAfterNanos) {
                it.remove();
            } else {
                return;
            }
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** Virtual scheduling: {@code emptyAt} is the time at which the bucket would hold zero tokens. */
    private static final class Bucket {
        long emptyAt;

        Bucket(long emptyAt) {
            this.emptyAt = emptyAt;
        }
    }

    @Override
    public String toString() {
        return "RateLimiter[" + settings + "]";
    }
}
