package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.TestServerFixture;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** 2026-07-28 subscriptions/listen through McpServer.handle with a recording channel. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ListenStreamTest {
    private static final Caller MODERN = new Caller(ProtocolVersion.V2026_07_28, true, null, Json.object(), null, null, null);
    private final McpServer server = new TestServerFixture().builder().keepAliveInterval(Duration.ofMillis(5)).build();

    /** Records notifications; hooks run on the stream's thread, so nothing here needs to sleep. */
    private static final class RecordingChannel implements RequestChannel {
        final List<ObjectNode> sent = new CopyOnWriteArrayList<>();
        final Cancellation cancellation = new Cancellation();
        Consumer<ObjectNode> onNotify = n -> { };
        Runnable onKeepAlive = () -> { };
        int keepAlives;

        @Override
        public void notify(ObjectNode notification) {
            sent.add(notification);
            onNotify.accept(notification);
        }

        @Override
        public JsonNode request(String method, ObjectNode params, Duration timeout) {
            throw McpError.internal("not supported here");
        }

        @Override
        public void keepAlive() {
            keepAlives++;
            onKeepAlive.run();
        }

        @Override
        public Cancellation cancellation() {
            return cancellation;
        }

        List<String> methods() {
            return sent.stream().map(n -> n.get("method").asText()).toList();
        }
    }

    private static JsonRpcMessage.Request listen(String filterJson) {
        ObjectNode params = Json.object();
        params.set("notifications", Json.parse(filterJson));
        return new JsonRpcMessage.Request(TextNode.valueOf("sub-1"), "subscriptions/listen", params);
    }

    @Test
    void listen_acknowledgesThenForwardsWantedEventsUntilCancelled() {
        RecordingChannel channel = new RecordingChannel();
        channel.onKeepAlive = () -> {
            if (channel.keepAlives == 1) { // the stream is subscribed once it waits for events
                server.events().promptsChanged();
                server.events().resourceUpdated("test://other");
                server.events().resourceUpdated("test://static");
                server.events().toolsChanged();
            }
        };
        channel.onNotify = n -> {
            if (n.get("method").asText().equals("notifications/tools/list_changed")) {
                channel.cancellation.cancel("test done");
            }
        };
        ObjectNode result = server.handle(listen("{\"toolsListChanged\":true,\"resourceSubscriptions\":[\"test://static\"]}"),
                MODERN, channel);

        assertThat(channel.methods()).containsExactly("notifications/subscriptions/acknowledged",
                "notifications/resources/updated", "notifications/tools/list_changed");
        ObjectNode ack = channel.sent.get(0);
        assertThat(ack.at("/params/notifications/toolsListChanged").asBoolean()).isTrue();
        assertThat(ack.at("/params/notifications").has("promptsListChanged")).isFalse();
        assertThat(channel.sent.get(1).at("/params/uri").asText()).isEqualTo("test://static");
        assertThat(channel.sent.get(2).at("/params/_meta").get(ModernMeta.SUBSCRIPTION_ID).asText()).isEqualTo("sub-1");
        assertThat(result.get("_meta").get(ModernMeta.SUBSCRIPTION_ID).asText()).isEqualTo("sub-1");
        assertThat(result.get("resultType").asText()).isEqualTo("complete");
        assertThat(server.hub().size()).isZero();
    }

    @Test
    void listen_endsGracefullyWhenServerCloses() {
        RecordingChannel channel = new RecordingChannel();
        channel.onKeepAlive = server::close;
        ObjectNode result = server.handle(listen("{\"toolsListChanged\":true}"), MODERN, channel);
        assertThat(result.get("_meta").get(ModernMeta.SUBSCRIPTION_ID).asText()).isEqualTo("sub-1");
        assertThat(channel.cancellation.isCancelled()).isFalse();
    }

    @Test
    void listen_withoutFilter_isInvalidParams() {
        JsonRpcMessage.Request request = new JsonRpcMessage.Request(TextNode.valueOf("s"), "subscriptions/listen", Json.object());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.handle(request, MODERN, new RecordingChannel()))
                .isInstanceOfSatisfying(McpError.class, e -> assertThat(e.code()).isEqualTo(-32602))
                .hasMessageContaining("subscriptions/listen needs params.notifications");
    }

    @Test
    void listen_deliversEventPublishedRightAfterTheAcknowledgement() {
        RecordingChannel channel = new RecordingChannel();
        channel.onNotify = n -> {
            switch (n.get("method").asText()) {
                case "notifications/subscriptions/acknowledged" -> server.events().toolsChanged();
                case "notifications/tools/list_changed" -> channel.cancellation.cancel("received");
                default -> { }
            }
        };
        channel.onKeepAlive = () -> {
            if (channel.keepAlives > 50) {
                channel.cancellation.cancel("gave up waiting");
            }
        };
        server.handle(listen("{\"toolsListChanged\":true}"), MODERN, channel);
        assertThat(channel.methods()).contains("notifications/tools/list_changed");
    }
}
