package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests being served for one peer, so notifications/cancelled can find them by id. */
public final class InFlightRequests {
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();

    public void started(JsonNode id, Cancellation cancellation) {
        running.put(key(id), cancellation);
    }

    public void finished(JsonNode id) {
        running.remove(key(id));
    }

    public boolean cancel(JsonNode id, String reason) {
        Cancellation c = running.get(key(id));
        if (c == null) {
            return false;
        }
        c.cancel(reason == null ? "cancelled by the client" : reason);
        return true;
    }

    public void cancelAll(String reason) {
        running.values().forEach(c -> c.cancel(reason));
    }

    public int size() {
        return running.size();
    }

    private static String key(JsonNode id) {
        // "1" and 1 are different JSON-RPC ids
        return (id.isTextual() ? "s:" : "n:") + id.asText();
    }
}
