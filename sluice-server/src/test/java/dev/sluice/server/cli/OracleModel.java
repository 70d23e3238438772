package dev.sluice.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.llm.eval.EvalQuestion;
import dev.sluice.mcp.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local OpenAI-compatible chat-completions server that knows the answers: it finds the database
 * hint and the question in the prompt's first user message and answers with that question's gold
 * SQL as {@code answer} prepares it (for SpiderMan: translated to DuckDB and qualified by the
 * database's schema). A repair request (the conversation goes on) gets the same SQL again. A prompt
 * whose question it cannot find gets an answer without SQL, and is recorded.
 *
 * <p>Usage: prompt tokens are the request's characters, completion tokens the answer's, so a run's
 * token totals can be checked against {@link #served()}.
 */
final class OracleModel implements AutoCloseable {
    private static final Pattern HINT = Pattern.compile("\nThe user says the answer is in: .*?database/schema ([^,\n]+?)\\.\n");
    private static final String QUESTION = "\nQuestion: ";

    private final HttpServer server;
    /** "database\u0000question" (database lower-cased) → prepared gold SQL, in question order (questions repeat). */
    private final Map<String, Deque<String>> answers = new HashMap<>();
    private final List<String> unknown = new ArrayList<>();
    private long requests;
    private long repairs;
    private long promptTokens;
    private long completionTokens;
    private String last = "";

    OracleModel(List<EvalQuestion> questions, Function<EvalQuestion, String> answer) throws IOException {
        for (EvalQuestion q : questions) {
            answers.computeIfAbsent(key(q.database(), q.question()), k -> new ArrayDeque<>()).add(answer.apply(q));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure: {@code http://127.0.0.1:PORT/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** What the oracle has served so far. */
    record Served(long requests, long repairs, long promptTokens, long completionTokens) {
    }

    synchronized Served served() {
        return new Served(requests, repairs, promptTokens, completionTokens);
    }

    /** Prompts whose database and question it could not find, as {@code database | question}. */
    synchronized List<String> unknown() {
        return List.copyOf(unknown);
    }

    private static String key(String database, String question) {
        return database.toLowerCase(Locale.ROOT) + '\u0000' + question.strip();
    }

    private synchronized String answer(JsonNode request) {
        requests++;
        List<JsonNode> users = new ArrayList<>();
        request.path("messages").forEach(m -> {
            if (m.path("role").asText().equals("user")) {
                users.add(m);
            }
        });
        if (request.path("messages").size() > 2) { // system, user, then the failed answer and the problem
            repairs++;
            return last;
        }
        String prompt = users.isEmpty() ? "" : users.getFirst().path("content").asText();
        Matcher hint = HINT.matcher(prompt);
        int at = prompt.lastIndexOf(QUESTION);
        String database = hint.find() ? hint.group(1) : "(no database hint)";
        String question = at < 0 ? "(no question)" : prompt.substring(at + QUESTION.length()).strip();
        Deque<String> queue = answers.get(key(database, question));
        if (queue == null || queue.isEmpty()) {
            unknown.add(database + " | " + question);
            last = "I do not know that question.";
        } else {
            last = "```sql\n" + (queue.size() > 1 ? queue.poll() : queue.peek()) + "\n```";
        }
        return last;
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String content = answer(request);
        long in = request.toString().length();
        synchronized (this) {
            promptTokens += in;
            completionTokens += content.length();
        }
        String body = """
                {"id":"chatcmpl-oracle","object":"chat.completion","created":1760000000,"model":"oracle",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(Json.text(Json.MAPPER.getNodeFactory().textNode(content)), in, content.length(), in + content.length());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
