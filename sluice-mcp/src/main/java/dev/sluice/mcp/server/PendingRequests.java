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

    /**
     * Sends a server-to-client request with {@code send} and waits for the client's result, giving
     * up on timeout or when {@code cancellation} trips. Client errors become {@link McpError}.
     */
    public JsonNode call(String method, com.fasterxml.jackson.databind.node.ObjectNode params, java.time.Duration timeout,
                         Cancellation cancellation, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> send) {
        Registration registration = register();
        Runnable onCancel = () -> registration.response().cancel(false);
        cancellation.onCancel(onCancel);
        try {
            send.accept(dev.sluice.mcp.jsonrpc.JsonRpcCodec.request(registration.id(), method, params));
            JsonRpcMessage.Response answer = registration.response().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (answer.isError()) {
                throw new McpError(answer.error().path("code").asInt(dev.sluice.mcp.ErrorCodes.INTERNAL_ERROR),
                        "The client answered " + method + " with an error: " + answer.error().path("message").asText(""));
            }
            return answer.result();
        } catch (java.util.concurrent.TimeoutException e) {
            throw McpError.internal("the client did not answer " + method + " within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw McpError.internal("interrupted while waiting for the client");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            throw new McpError(dev.sluice.mcp.ErrorCodes.REQUEST_CANCELLED, "Request cancelled while waiting for " + method);
        } finally {
            forget(registration.id());
            cancellation.removeCallback(onCancel);
        }
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
