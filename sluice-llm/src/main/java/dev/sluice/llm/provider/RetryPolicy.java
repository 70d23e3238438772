package dev.sluice.llm.provider;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * When to try again: at most {@code maxRetries} more attempts after the first, waiting
 * {@code initialBackoff × 2^n} (capped at {@code maxBackoff}, with jitter down to half) or the
 * server's Retry-After when that is longer, and never past {@code deadline} from the first attempt.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration deadline) {
    public static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    public RetryPolicy {
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(deadline, "deadline is null");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
        }
    }

    public static RetryPolicy from(LlmSettings settings) {
        return new RetryPolicy(settings.maxRetries(), INITIAL_BACKOFF, MAX_BACKOFF, settings.deadline());
    }

    /** The wait before retry number {@code retry} (0-based); {@code random} in [0, 1) picks the jitter. */
    Duration backoff(int retry, double random, Duration retryAfter) {
        long base = initialBackoff.toMillis() << Math.min(retry, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long jittered = capped / 2 + (long) (random * (capped - capped / 2));
        Duration wait = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
