package dev.sluice.security.limit;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** What {@link RateLimiter#acquire} answers. */
public sealed interface RateDecision {
    record Allowed() implements RateDecision {
    }

    /**
     * Too many requests: answer HTTP 429 with {@code Retry-After: retryAfterSeconds}.
     *
     * @param retryAfter        exactly how long until one request is allowed again
     * @param retryAfterSeconds {@code retryAfter} in whole seconds, rounded up, at least 1
     */
    record Limited(Duration retryAfter, long retryAfterSeconds) implements RateDecision {
        public Limited {
            requireNonNull(retryAfter, "retryAfter is null");
        }

        public int status() {
            return 429;
        }
    }
}
