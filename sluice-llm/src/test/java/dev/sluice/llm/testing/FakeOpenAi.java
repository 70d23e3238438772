package dev.sluice.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.core.config.ConfigLoader;
import dev.sluice.llm.provider.LlmProviders;
import dev.sluice.llm.provider.LlmSettings;
import dev.sluice.mcp.Json;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible chat-completions server: each request takes the next scripted reply
 * (an assistant message, or a bare HTTP status); records every request body. Shared with
 * sluice-server's tests through this module's test jar.
 */
public final class FakeOpenAi implements AutoCloseable {
    public static final String API_KEY = "sk-test-SECRET-0123456789abcdef";

    private record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    public FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The next answer is an assistant message with {@code content}. */
    public FakeOpenAi answer(String content) {
        String body = """
                {"id":"chatcmpl-1","object":"chat.completion","created":1760000000,"model":"fake-sql-1",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}""".formatted(Json.text(Json.MAPPER.getNodeFactory().textNode(content)));
        return reply(200, body);
    }

    public FakeOpenAi reply(int status, String body) {
        synchronized (script) {
            script.add(new Reply(status, body));
        }
        return this;
    }

    /** The {@code llm} settings (YAML lines under {@code llm:}, indented two spaces) for this server, no retries. */
    public String settingsYaml() {
        return "  provider: openai\n  base_url: http://127.0.0.1:" + server.getAddress().getPort() + "/v1\n"
                + "  api_key: " + API_KEY + "\n  model: fake-sql-1\n  max_retries: 0\n  timeout: 5s\n";
    }

    /** Providers pointed at this server, no retries. */
    public LlmProviders providers() {
        String yaml = "llm:\n" + settingsYaml();
        LlmSettings settings = LlmSettings.read(ConfigLoader.parse("l.yaml", yaml, Map.of()).llm());
        return LlmProviders.create(settings, Clock.systemUTC(), d -> { }, () -> 0.5);
    }

    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    public JsonNode request(int i) {
        return Json.parse(bodies.get(i));
    }

    /** The system prompt and every message of request {@code i}, joined. */
    public String promptText(int i) {
        StringBuilder out = new StringBuilder();
        request(i).path("messages").forEach(m -> out.append(m.path("content").asText()).append("\n---\n"));
        return out.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Reply reply;
        synchronized (script) {
            reply = script.isEmpty() ? new Reply(500, "{\"error\":{\"message\":\"nothing scripted\"}}") : script.poll();
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        HttpReplies.send(exchange, reply.status(), reply.body());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
