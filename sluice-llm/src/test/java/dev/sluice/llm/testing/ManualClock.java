package dev.sluice.llm.testing;

import java.time.Duration;
import java.time.Instant;

/** A clock that stands still until the test moves it. */
public final class ManualClock extends UtcTestClock {
    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
