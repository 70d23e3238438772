package dev.sluice.llm.provider;

import java.time.Duration;

/** Waits between retries; tests pass one that records the wait and advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
