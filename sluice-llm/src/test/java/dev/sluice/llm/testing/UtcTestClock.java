package dev.sluice.llm.testing;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Base for test clocks that only decide {@link #instant()}: always UTC, and a zone change is ignored. */
public abstract class UtcTestClock extends Clock {
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
