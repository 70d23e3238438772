package dev.sluice.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.PendingRequests;
import dev.sluice.mcp.server.RequestChannel;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The response side of one POST. It answers with plain JSON unless something has to be sent
 * before the result (progress, log messages, a server-to-client request), in which case it
 * switches to an SSE stream on the first such message. A failed write or a dropped connection
 * cancels the request.
 */
final class HttpExchange implements RequestChannel {
    static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_PREFIX = "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_SUFFIX = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Response response;
    private final Callback callback;
    private final boolean acceptsSse;
    private final String sessionId;
    private final PendingRequests pending;
    private final Cancellation cancellation = new Cancellation();
    private final ReentrantLock lock = new ReentrantLock();
    private final long startedMillis;
    /** Served on the selector thread: nothing may block, so early messages are held until the end. */
    private final boolean inline;
    private java.util.List<byte[]> held;
    private boolean streaming;
    private volatile boolean finished;

    HttpExchange(Request request, Response response, Callback callback, boolean acceptsSse, String sessionId,
                 PendingRequests pending, long startedMillis, boolean inline) {
        this.response = response;
        this.callback = callback;
        this.acceptsSse = acceptsSse;
        this.sessionId = sessionId;
        this.pending = pending;
        this.startedMillis = startedMillis;
        this.inline = inline;
        request.addFailureListener(failure -> cancellation.cancel("the client closed the connection"));
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public void notify(ObjectNode notification) {
        if (!acceptsSse) {
            return; // a JSON-only client cannot receive anything before the result
        }
        writeEvent(Json.bytes(notification));
    }

    @Override
    public JsonNode request(String method, ObjectNode params, Duration timeout) {
        if (inline) {
            throw new IllegalStateException("a handler that completes inline must not ask the client for input");
        }
        if (pending == null || !acceptsSse) {
            throw new McpError(ErrorCodes.INVALID_REQUEST, "this request needs " + method
                    + " from the client, which requires a session and an SSE response (Accept: text/event-stream)");
        }
        return pending.call(method, params, timeout, cancellation, message -> writeEvent(Json.bytes(message)));
    }

    @Override
    public void keepAlive() {
        if (inline) {
            return;
        }
        lock.lock();
        try {
            startStream();
            blockingWrite(ByteBuffer.wrap(KEEP_ALIVE));
        } finally {
            lock.unlock();
        }
    }

    long startedMillis() {
        return startedMillis;
    }

    boolean isFinished() {
        return finished;
    }

    boolean acceptsSse() {
        return acceptsSse;
    }

    /**
     * Called by the ticker for requests that have run a while: an SSE comment proves the client is
     * still there (a failed write cancels the request). Skipped if a write is in progress.
     */
    void probe() {
        if (!acceptsSse || finished || cancellation.isCancelled() || !lock.tryLock()) {
            return;
        }
        try {
            if (!finished) {
                startStream();
                blockingWrite(ByteBuffer.wrap(KEEP_ALIVE));
            }
        } catch (McpError e) {
            // blockingWrite already cancelled the request
        } finally {
            lock.unlock();
        }
    }

    private void writeEvent(byte[] json) {
        lock.lock();
        try {
            if (finished || cancellation.isCancelled()) {
                return;
            }
            if (inline) {
                if (held == null) {
                    held = new java.util.ArrayList<>();
                }
                held.add(json);
                return;
            }
            startStream();
            blockingWrite(event(json));
        } finally {
            lock.unlock();
        }
    }

    /** Sends the final JSON-RPC message; {@code jsonStatus} is the HTTP status if no stream was opened. */
    void finish(byte[] json, int jsonStatus) {
        finish(json, jsonStatus, java.util.Map.of());
    }

    /** As {@link #finish(byte[], int)}, with headers that go out only if no stream was opened. */
    void finish(byte[] json, int jsonStatus, java.util.Map<String, String> headers) {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            finished = true;
            if (held != null) {
                startStream();
                held.add(json);
                response.write(true, events(held), callback);
            } else if (streaming) {
                response.write(true, event(json), callback);
            } else {
                response.setStatus(jsonStatus);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                headers.forEach((name, value) -> response.getHeaders().put(name, value));
                if (sessionId != null) {
                    response.getHeaders().put(McpHttpHandler.SESSION_HEADER, sessionId);
                }
                response.write(true, ByteBuffer.wrap(json), callback);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends without a JSON-RPC response (the request was cancelled). */
    void abandon() {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            finished = true;
            if (streaming) {
                response.write(true, ByteBuffer.allocate(0), callback);
            } else {
                response.setStatus(204);
                response.write(true, ByteBuffer.allocate(0), callback);
            }
        } finally {
            lock.unlock();
        }
    }

    private void startStream() {
        if (streaming) {
            return;
        }
        streaming = true;
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Accel-Buffering", "no");
        if (sessionId != null) {
            response.getHeaders().put(McpHttpHandler.SESSION_HEADER, sessionId);
        }
    }

    private void blockingWrite(ByteBuffer buffer) {
        try (Blocker.Callback blocker = Blocker.callback()) {
            response.write(false, buffer, blocker);
            blocker.block();
        } catch (IOException | RuntimeException e) {
            cancellation.cancel("the client closed the stream");
            throw new McpError(ErrorCodes.REQUEST_CANCELLED, "Request cancelled: the client closed the stream");
        }
    }

    private static ByteBuffer events(java.util.List<byte[]> messages) {
        int size = 0;
        for (byte[] m : messages) {
            size += EVENT_PREFIX.length + m.length + EVENT_SUFFIX.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] m : messages) {
            buffer.put(EVENT_PREFIX).put(m).put(EVENT_SUFFIX);
        }
        return buffer.flip();
    }

    static ByteBuffer event(byte[] json) {
        ByteBuffer buffer = ByteBuffer.allocate(EVENT_PREFIX.length + json.length + EVENT_SUFFIX.length);
        buffer.put(EVENT_PREFIX).put(json).put(EVENT_SUFFIX).flip();
        return buffer;
    }
}
