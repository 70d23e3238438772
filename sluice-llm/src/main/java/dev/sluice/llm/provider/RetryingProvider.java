package dev.sluice.llm.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Runs a provider's single attempts under a {@link RetryPolicy}: retryable {@link LlmException}s
 * (unavailable, rate limited, timeout) are tried again after a backoff; anything else, and the last
 * failure once attempts or the deadline run out, goes to the caller with the attempt count added.
 */
final class RetryingProvider implements LlmProvider {
    private static final System.Logger LOG = System.getLogger(RetryingProvider.class.getName());
    private final LlmProvider attempt;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    RetryingProvider(LlmProvider attempt, RetryPolicy policy, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.attempt = requireNonNull(attempt, "attempt is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.random = requireNonNull(random, "random is null");
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        Instant deadline = clock.instant().plus(policy.deadline());
        for (int retry = 0; ; retry++) {
            try {
                return attempt.complete(request);
            } catch (LlmException e) {
                int attempts = retry + 1;
                if (!e.kind().retryable()) {
                    throw attempts == 1 ? e : e.withNote("(attempt " + attempts + ")");
                }
                if (retry >= policy.maxRetries()) {
                    throw e.withNote("(gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                            + "; llm.max_retries is " + policy.maxRetries() + ")");
                }
                Duration wait = policy.backoff(retry, random.getAsDouble(), e.retryAfter().orElse(null));
                if (clock.instant().plus(wait).isAfter(deadline)) {
                    throw e.withNote("(gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                            + ": waiting " + wait.toMillis() + " ms more would pass the deadline of "
                            + policy.deadline().toSeconds() + " s, llm.timeout × (llm.max_retries + 1))");
                }
                LOG.log(System.Logger.Level.DEBUG, () -> kind() + " attempt " + attempts + " failed (" + e.kind().wireName()
                        + "); retrying in " + wait.toMillis() + " ms");
                sleep(wait);
            }
        }
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.UNAVAILABLE, kind(), "interrupted while waiting to retry");
        }
    }

    @Override
    public String kind() {
        return attempt.kind();
    }

    @Override
    public String model() {
        return attempt.model();
    }
}
