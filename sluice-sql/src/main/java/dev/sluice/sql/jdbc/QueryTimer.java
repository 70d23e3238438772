package dev.sluice.sql.jdbc;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Fires statement timeouts: one daemon thread for every source. */
public final class QueryTimer {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sluice-query-timeouts");
        t.setDaemon(true);
        return t;
    });

    private QueryTimer() {
    }

    public static ScheduledFuture<?> after(Duration delay, Runnable action) {
        return TIMER.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
