package dev.sluice.mcp.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cancellation signal of one request. Transports trip it (notifications/cancelled, a closed
 * HTTP stream); work that can be interrupted registers a callback, e.g. {@code Statement::cancel}.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private volatile String reason;

    public boolean isCancelled() {
        return cancelled.get();
    }

    public String reason() {
        return reason;
    }

    /** Trips the signal once and runs every callback; later calls do nothing. */
    public void cancel(String why) {
        if (cancelled.compareAndSet(false, true)) {
            reason = why;
            for (Runnable callback : callbacks) {
                try {
                    callback.run();
                } catch (RuntimeException ignored) {
                    // one failing callback must not keep the others from running
                }
            }
        }
    }

    /** Runs {@code callback} on cancellation, or at once if already cancelled. */
    public void onCancel(Runnable callback) {
        callbacks.add(callback);
        if (cancelled.get()) {
            callbacks.remove(callback);
            callback.run();
        }
    }

    public void removeCallback(Runnable callback) {
        callbacks.remove(callback);
    }
}
