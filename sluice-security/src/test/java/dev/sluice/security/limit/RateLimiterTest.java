package dev.sluice.security.limit;

import dev.sluice.mcp.FakeClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    final FakeClock clock = new FakeClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void burstIsAllowed_thenTheWaitIsReportedRoundedUp() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(2, 3), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a")).isInstanceOf(RateDecision.Allowed.class);
        }
        RateDecision d = limiter.acquire("a");
        assertThat(d).isEqualTo(new RateDecision.Limited(Duration.ofMillis(500), 1));
        clock.advance(Duration.ofMillis(499));
        assertThat(limiter.acquire("a")).isInstanceOf(RateDecision.Limited.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.acquire("a")).isInstanceOf(RateDecision.Allowed.class);
    }

    @Test
    void slowRates_retryAfterInWholeSeconds() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(0.4, 1), clock);
        limiter.acquire("a");
        RateDecision.Limited l = (RateDecision.Limited) limiter.acquire("a");
        assertThat(l.retryAfter()).isEqualTo(Duration.ofMillis(2500));
        assertThat(l.retryAfterSeconds()).isEqualTo(3);
        assertThat(l.status()).isEqualTo(429);
    }

    @Test
    void subjectsHaveSeparateBuckets() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(1, 1), clock);
        assertThat(limiter.acquire("a")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire("a")).isInstanceOf(RateDecision.Limited.class);
        assertThat(limiter.acquire("b")).isInstanceOf(RateDecision.Allowed.class);
    }

    @Test
    void idleTimeRefillsOnlyUpToTheBurst() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(10, 2), clock);
        limiter.acquire("a");
        clock.advance(Duration.ofHours(1));
        assertThat(limiter.acquire("a")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire("a")).isInstanceOf(RateDecision.Allowed.class);
        assertThat(limiter.acquire("a")).isInstanceOf(RateDecision.Limited.class);
    }

    @Test
    void memoryIsBounded_idleBucketsEvicted_andCapEnforced() {
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(10, 10), clock, 100);
        for (int i = 0; i < 500; i++) {
            limiter.acquire("s" + i);
        }
        assertThat(limiter.trackedSubjects()).isEqualTo(100);
        clock.advance(Duration.ofSeconds(2));
        limiter.acquire("fresh");
        assertThat(limiter.trackedSubjects()).isEqualTo(1);
    }
}
