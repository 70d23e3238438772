package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.jsonrpc.JsonRpcCodec;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One 2026-07-28 {@code subscriptions/listen} stream: acknowledges the honoured filter, then
 * forwards matching events tagged with the subscription id until the client goes away (the
 * request is cancelled) or the server closes it (a graceful completion result).
 */
final class ListenStream implements Subscriber {
    private static final ServerEvent CLOSE = new ServerEvent.ResourceUpdated("\u0000close");
    private final McpServer server;
    private final JsonNode subscriptionId;
    private final ObjectNode filter;
    private final RequestChannel channel;
    private final BlockingQueue<ServerEvent> queue = new ArrayBlockingQueue<>(1024);

    ListenStream(McpServer server, JsonNode subscriptionId, ObjectNode filter, RequestChannel channel) {
        this.server = server;
        this.subscriptionId = subscriptionId;
        this.filter = filter;
        this.channel = channel;
    }

    ObjectNode run() {
        // subscribe before acknowledging: an event published as soon as the client sees the ack must arrive
        server.hub().add(this);
        try {
            ObjectNode ack = Json.object();
            ack.set("_meta", meta());
            ack.set("notifications", filter);
            channel.notify(JsonRpcCodec.notification("notifications/subscriptions/acknowledged", ack));
            long waitMillis = server.keepAliveInterval().toMillis();
            while (!channel.cancellation().isCancelled()) {
                ServerEvent event = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (event == CLOSE) {
                    break;
                }
                if (event == null) {
                    channel.keepAlive();
                } else {
                    deliver(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.hub().remove(this);
        }
        ObjectNode result = Json.object();
        result.set("_meta", meta());
        return result;
    }

    private ObjectNode meta() {
        ObjectNode meta = Json.object();
        meta.set(ModernMeta.SUBSCRIPTION_ID, subscriptionId);
        return meta;
    }

    private void deliver(ServerEvent event) {
        ObjectNode params = event.params();
        params.set("_meta", meta());
        channel.notify(JsonRpcCodec.notification(event.method(), params));
    }

    @Override
    public void offer(ServerEvent event) {
        boolean wanted = switch (event) {
            case ServerEvent.ToolsChanged t -> filter.path("toolsListChanged").asBoolean();
            case ServerEvent.PromptsChanged p -> filter.path("promptsListChanged").asBoolean();
            case ServerEvent.ResourcesChanged r -> filter.path("resourcesListChanged").asBoolean();
            case ServerEvent.ResourceUpdated u -> containsUri(u.uri());
        };
        if (wanted) {
            queue.offer(event); // a full queue drops: list_changed events are idempotent
        }
    }

    private boolean containsUri(String uri) {
        for (JsonNode u : filter.path("resourceSubscriptions")) {
            if (u.asText().equals(uri)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        queue.clear();
        queue.offer(CLOSE);
    }
}
