package dev.sluice.llm.eval;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.mcp.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI-compatible chat-completions server: each request takes the next scripted
 * assistant message (usage 100 prompt / 20 completion tokens), or answers 500 when none is left.
 */
final class FakeChatServer implements AutoCloseable {
    private final HttpServer server;
    private final Deque<String> script = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();

    FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    FakeChatServer answer(String content) {
        synchronized (script) {
            script.add(content);
        }
        return this;
    }

    /** The base URL to configure: {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        String content;
        synchronized (script) {
            content = script.poll();
        }
        int status = content == null ? 500 : 200;
        String body = content == null ? "{\"error\":{\"message\":\"nothing scripted\"}}" : """
                {"id":"chatcmpl-1","object":"chat.completion","created":1760000000,"model":"fake-sql-1",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}"""
                .formatted(Json.text(Json.MAPPER.getNodeFactory().textNode(content)));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
