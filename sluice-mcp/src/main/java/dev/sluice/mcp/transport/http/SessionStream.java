package dev.sluice.mcp.transport.http;

import dev.sluice.mcp.Json;
import dev.sluice.mcp.jsonrpc.JsonRpcCodec;
import dev.sluice.mcp.server.ServerEvent;
import dev.sluice.mcp.server.Session;
import dev.sluice.mcp.server.Subscriber;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The GET stream of a legacy session: list_changed notifications and resources/updated for the
 * session's subscriptions, with SSE comments as keep-alives so a vanished client is noticed.
 */
final class SessionStream implements Subscriber {
    private static final ByteBuffer CLOSE = ByteBuffer.allocate(0);
    private final Session session;
    private final BlockingQueue<ByteBuffer> queue = new ArrayBlockingQueue<>(1024);
    private volatile boolean open = true;

    SessionStream(Session session) {
        this.session = session;
    }

    /** Streams until the client leaves or the session ends; runs on the request's (virtual) thread. */
    void run(Request request, Response response, Callback callback, Duration keepAlive) {
        request.addFailureListener(failure -> close());
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        response.getHeaders().put(McpHttpHandler.SESSION_HEADER, session.id());
        try {
            write(response, ByteBuffer.wrap(HttpExchange.KEEP_ALIVE));
            while (open) {
                ByteBuffer next = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (next == CLOSE) {
                    break;
                }
                write(response, next == null ? ByteBuffer.wrap(HttpExchange.KEEP_ALIVE) : next);
            }
            response.write(true, ByteBuffer.allocate(0), callback);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } catch (Exception e) {
            callback.failed(e);
        }
    }

    private static void write(Response response, ByteBuffer buffer) throws java.io.IOException {
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(false, buffer, blocker);
            blocker.block();
        }
    }

    @Override
    public void offer(ServerEvent event) {
        if (open && (!(event instanceof ServerEvent.ResourceUpdated u) || session.resourceSubscriptions().contains(u.uri()))) {
            queue.offer(HttpExchange.event(Json.bytes(JsonRpcCodec.notification(event.method(), event.params()))));
        }
    }

    @Override
    public void close() {
        open = false;
        queue.clear();
        queue.offer(CLOSE);
    }
}
