package dev.sluice.mcp.transport.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Jetty notices a vanished client only when it reads or writes. A request whose handler is busy
 * (a long query) writes nothing, so once a request has run for {@code after}, this ticker sends an
 * SSE keep-alive comment on it every {@code after}; the write to a closed connection fails and
 * cancels the request, which cancels the work behind it.
 */
final class KeepAliveTicker implements AutoCloseable {
    private final Set<HttpExchange> running = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private final long afterMillis;
    private final ScheduledExecutorService timer;

    KeepAliveTicker(Clock clock, Duration after) {
        this.clock = clock;
        this.afterMillis = after.toMillis();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-keepalive");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(100, afterMillis / 2);
        timer.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    void watch(HttpExchange exchange) {
        running.add(exchange);
    }

    void forget(HttpExchange exchange) {
        running.remove(exchange);
    }

    private void tick() {
        long now = clock.millis();
        for (HttpExchange exchange : running) {
            if (exchange.isFinished()) {
                running.remove(exchange);
            } else if (exchange.acceptsSse() && now - exchange.startedMillis() >= afterMillis) {
                // the write may block on a slow client: never on the timer thread
                Thread.ofVirtual().start(exchange::probe);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
