package dev.sluice.mcp.server;

/** Somewhere change notifications go: a legacy GET stream or a modern subscriptions/listen stream. */
public interface Subscriber {
    /** Offers an event; the subscriber decides whether it asked for it. Must not block. */
    void offer(ServerEvent event);

    /** Ends the stream (server shutdown, session deleted). */
    void close();
}
