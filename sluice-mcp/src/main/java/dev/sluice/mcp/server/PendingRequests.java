package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Server-to-client requests awaiting the client's response, keyed by the id we gave them. */
public final class PendingRequests {
    private final String prefix;
    private final AtomicLong next = new AtomicLong();
    private final Map<String, CompletableFuture<JsonRpcMessage.Response>> waiting = new ConcurrentHashMap<>();

    public PendingRequests(String prefix) {
        this.prefix = prefix;
    }

    public record Registration(JsonNode id, CompletableFuture<JsonRpcMessage.Response> response) {
    }

    public Registration register() {
        String id = prefix + next.incrementAndGet();
        CompletableFuture<JsonRpcMessage.Response> future = new CompletableFuture<>();
        waiting.put(id, future);
        return new Registration(TextNode.valueOf(id), future);
    }

    public void forget(JsonNode id) {
        waiting.remove(id.asText());
    }

    /** Routes a client's response to its waiter; false when nobody waits for that id. */
    public boolean complete(JsonRpcMessage.Response response) {
        CompletableFuture<JsonRpcMessage.Response> future = waiting.remove(response.id().asText());
        return future != null && future.complete(response);
    }

    public void failAll(String why) {
        waiting.values().forEach(f -> f.completeExceptionally(McpError.internal(why)));
        waiting.clear();
    }
}
