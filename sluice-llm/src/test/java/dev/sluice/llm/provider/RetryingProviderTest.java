package dev.sluice.llm.provider;

import dev.sluice.llm.testing.StubProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RetryingProviderTest {
    private final FakeTime time = new FakeTime();

    /** Fails with the scripted exceptions, then answers. */
    private static final class Scripted extends StubProvider {
        final Deque<LlmException> failures = new ArrayDeque<>();
        int calls;

        Scripted(LlmException... failures) {
            this.failures.addAll(List.of(failures));
        }

        @Override
        public LlmResponse complete(LlmRequest request) {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            return new LlmResponse("ok", "m", LlmResponse.StopReason.END_TURN, Usage.of(1, 1), Duration.ZERO);
        }
    }

    private static LlmException fail(LlmException.Kind kind, Duration retryAfter) {
        return new LlmException(kind, "test", "failed", retryAfter, null);
    }

    private RetryingProvider retrying(Scripted s, int maxRetries, Duration deadline, double random) {
        return new RetryingProvider(s, new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(4), deadline), time, time, () -> random);
    }

    @Test
    void backoff_doublesUpToTheCap_withJitterDownToHalf() {
        Scripted s = new Scripted(fail(LlmException.Kind.UNAVAILABLE, null), fail(LlmException.Kind.UNAVAILABLE, null),
                fail(LlmException.Kind.UNAVAILABLE, null), fail(LlmException.Kind.UNAVAILABLE, null), fail(LlmException.Kind.TIMEOUT, null));
        assertThat(retrying(s, 5, Duration.ofMinutes(5), 0.999999).complete(LlmRequest.of("sql", "", "q")).text()).isEqualTo("ok");
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(499), Duration.ofMillis(999), Duration.ofMillis(1999),
                Duration.ofMillis(3999), Duration.ofMillis(3999));
        assertThat(s.calls).isEqualTo(6);
    }

    @Test
    void retryAfter_longerThanTheBackoff_isHonoured() {
        Scripted s = new Scripted(fail(LlmException.Kind.RATE_LIMITED, Duration.ofSeconds(12)));
        retrying(s, 2, Duration.ofMinutes(1), 0).complete(LlmRequest.of("sql", "", "q"));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void retryAfter_pastTheDeadline_failsAtOnceSayingSo() {
        Scripted s = new Scripted(fail(LlmException.Kind.RATE_LIMITED, Duration.ofSeconds(90)));
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> retrying(s, 5, Duration.ofSeconds(60), 0).complete(LlmRequest.of("sql", "", "q")));
        assertThat(e.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED);
        assertThat(e.getMessage()).contains("would pass the deadline of 60 s");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
        assertThat(time.sleeps()).isEmpty();
        assertThat(s.calls).isEqualTo(1);
    }

    @Test
    void nonRetryableFailures_areNotRetried() {
        for (LlmException.Kind kind : List.of(LlmException.Kind.AUTH, LlmException.Kind.MALFORMED, LlmException.Kind.REFUSED)) {
            Scripted s = new Scripted(fail(kind, null));
            LlmException e = catchThrowableOfType(LlmException.class,
                    () -> retrying(s, 3, Duration.ofMinutes(1), 0).complete(LlmRequest.of("sql", "", "q")));
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(s.calls).isEqualTo(1);
        }
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void retryAfterHeader_readsSecondsAndHttpDates() {
        assertThat(Failures.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Failures.retryAfter("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(Failures.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(Failures.retryAfter("soon")).isNull();
        assertThat(Failures.retryAfter("86400")).isEqualTo(Duration.ofMinutes(10));
    }
}
