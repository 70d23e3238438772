package dev.sluice.mcp.transport.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.jsonrpc.JsonRpcCodec;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.InFlightRequests;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.ModernMeta;
import dev.sluice.mcp.server.PendingRequests;
import dev.sluice.mcp.server.RequestChannel;
import dev.sluice.mcp.server.ServerEvent;
import dev.sluice.mcp.server.Session;
import dev.sluice.mcp.server.Subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one client over stdin/stdout. Both eras work: {@code initialize} opens a legacy
 * session scoped to the process; requests carrying 2026-07-28 {@code _meta} are served
 * statelessly. Requests run concurrently on virtual threads; stdout carries only protocol messages.
 */
public final class StdioServer {
    private static final Logger LOG = Logger.getLogger(StdioServer.class.getName());
    private final McpServer server;
    private final InputStream in;
    private final OutputStream out;
    private final int maxLineBytes;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final PendingRequests pending = new PendingRequests("sluice-");
    private final InFlightRequests inFlight = new InFlightRequests();
    private volatile Session session;

    public StdioServer(McpServer server, InputStream in, OutputStream out, int maxLineBytes) {
        this.server = server;
        this.in = in;
        this.out = out;
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads until stdin closes, then cancels whatever still runs. */
    public void run() throws IOException {
        LineReader reader = new LineReader(in, maxLineBytes);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                if (line.tooLong()) {
                    write(JsonRpcCodec.errorNode(null, McpError.invalidRequest("message exceeds " + maxLineBytes + " bytes")));
                    continue;
                }
                if (line.text().isBlank()) {
                    continue;
                }
                handleLine(line.text(), workers);
            }
            inFlight.cancelAll("stdin closed");
            pending.failAll("stdin closed");
            workers.shutdown();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }

    private void handleLine(String text, ExecutorService workers) {
        JsonRpcMessage message;
        try {
            message = JsonRpcCodec.decode(Json.parse(text));
        } catch (IllegalArgumentException e) {
            write(JsonRpcCodec.errorNode(null, McpError.parseError(e.getMessage())));
            return;
        } catch (McpError e) {
            write(JsonRpcCodec.errorNode(null, e));
            return;
        }
        switch (message) {
            case JsonRpcMessage.Response r -> pending.complete(r);
            case JsonRpcMessage.Notification n -> notification(n);
            case JsonRpcMessage.Request r -> workers.submit(() -> request(r));
        }
    }

    private void notification(JsonRpcMessage.Notification n) {
        if (n.method().equals("notifications/cancelled")) {
            JsonNode id = n.params().get("requestId");
            if (id != null && (id.isTextual() || id.isIntegralNumber())) {
                inFlight.cancel(id, n.params().path("reason").asText(null));
            }
        }
    }

    private void request(JsonRpcMessage.Request r) {
        StdioChannel channel = new StdioChannel();
        inFlight.started(r.id(), channel.cancellation());
        try {
            ObjectNode result = serve(r, channel);
            if (!channel.cancellation().isCancelled()) {
                write(resultMessage(r.id(), result));
            }
        } catch (McpError e) {
            if (!channel.cancellation().isCancelled()) {
                write(JsonRpcCodec.errorNode(r.id(), e));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request " + r.method() + " failed", e);
            write(JsonRpcCodec.errorNode(r.id(), McpError.internal("the server failed while handling " + r.method())));
        } finally {
            inFlight.finished(r.id());
        }
    }

    private ObjectNode serve(JsonRpcMessage.Request r, StdioChannel channel) {
        if (r.params().path("_meta").has(ModernMeta.PROTOCOL_VERSION) || r.method().equals("server/discover")) {
            Caller caller = ModernMeta.caller(r.params(), null, false);
            return server.handle(r, caller, channel);
        }
        if (r.method().equals("initialize")) {
            McpServer.Initialization init = server.initialize(r.params(), true);
            Session opened = new Session("stdio", init.protocolVersion(), init.clientInfo(), init.clientCapabilities(), 0);
            opened.markInitialized();
            session = opened;
            server.hub().add(new StdioSubscriber(opened));
            return init.result();
        }
        Session current = session;
        if (current == null) {
            if (r.method().equals("ping")) {
                return Json.object();
            }
            throw McpError.invalidRequest("send initialize first (or use " + dev.sluice.mcp.ProtocolVersion.LATEST + " with _meta)");
        }
        return server.handle(r, current.caller(), channel);
    }

    private static ObjectNode resultMessage(JsonNode id, ObjectNode result) {
        ObjectNode message = Json.object();
        message.put("jsonrpc", "2.0");
        message.set("id", id);
        message.set("result", result);
        return message;
    }

    private void write(ObjectNode message) {
        byte[] bytes = Json.bytes(message);
        writeLock.lock();
        try {
            out.write(bytes);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            LOG.log(Level.FINE, "stdout closed", e);
        } finally {
            writeLock.unlock();
        }
    }

    private final class StdioChannel implements RequestChannel {
        private final Cancellation cancellation = new Cancellation();

        @Override
        public void notify(ObjectNode notification) {
            if (!cancellation.isCancelled()) {
                write(notification);
            }
        }

        @Override
        public JsonNode request(String method, ObjectNode params, Duration timeout) {
            return pending.call(method, params, timeout, cancellation, StdioServer.this::write);
        }

        @Override
        public Cancellation cancellation() {
            return cancellation;
        }
    }

    /** Pushes change notifications of the process-wide legacy session to stdout. */
    private final class StdioSubscriber implements Subscriber {
        private final Session owner;

        StdioSubscriber(Session owner) {
            this.owner = owner;
        }

        @Override
        public void offer(ServerEvent event) {
            if (session != owner) {
                return;
            }
            if (!(event instanceof ServerEvent.ResourceUpdated u) || owner.resourceSubscriptions().contains(u.uri())) {
                Thread.ofVirtual().start(() -> write(JsonRpcCodec.notification(event.method(), event.params())));
            }
        }

        @Override
        public void close() {
        }
    }
}
