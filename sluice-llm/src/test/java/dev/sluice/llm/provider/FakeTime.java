package dev.sluice.llm.provider;

import dev.sluice.llm.testing.UtcTestClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when the sleeper sleeps, and the sleeper that records each wait. */
final class FakeTime extends UtcTestClock implements Sleeper {
    private volatile Instant now = Instant.parse("2026-11-01T00:00:00Z");
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
