package dev.sluice.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.TestServerFixture;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.ModernMeta;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Streamable HTTP endpoint, in process on a real Jetty: hostile and malformed input, both
 * protocol eras, progress streams, cancellation and server-to-client requests.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class McpHttpHandlerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String MODERN = ProtocolVersion.V2026_07_28;
    private static final AtomicLong IDS = new AtomicLong(100);

    private static final TestServerFixture fixture = new TestServerFixture();
    private static McpServer server;
    private static McpHttpServer http;
    private static URI endpoint;

    @BeforeAll
    static void start() throws Exception {
        server = fixture.build();
        http = new McpHttpServer(server, HttpTransportConfig.defaults("127.0.0.1"), "127.0.0.1", 0, List.of()).start();
        endpoint = URI.create("http://127.0.0.1:" + http.port() + "/mcp");
    }

    @AfterEach
    void releaseBlockedTools() {
        fixture.reset();
    }

    @AfterAll
    static void stop() throws Exception {
        HTTP.close();
        http.close();
    }

    // ---------------------------------------------------------------- helpers

    record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            return Json.parse(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        int errorCode() {
            return json().at("/error/code").asInt();
        }

        String errorMessage() {
            return json().at("/error/message").asText();
        }

        /** The JSON messages of an SSE body, in order. */
        List<JsonNode> events() {
            return sseEvents(body);
        }
    }

    static List<JsonNode> sseEvents(String body) {
        List<JsonNode> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            if (!data.isEmpty()) {
                events.add(Json.parse(data.toString()));
            }
        }
        return events;
    }

    private HttpRequest.Builder request(String body, String... headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", "application/json");
        all.put("Accept", "application/json, text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        all.forEach((name, value) -> {
            if (value != null) {
                b.setHeader(name, value);
            }
        });
        return b;
    }

    private Reply post(String body, String... headers) throws Exception {
        return send(request(body, headers).build());
    }

    private static Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    private static String rpc(Object id, String method, ObjectNode params) {
        ObjectNode node = Json.object();
        node.put("jsonrpc", "2.0");
        if (id instanceof Number n) {
            node.put("id", n.longValue());
        } else if (id != null) {
            node.put("id", id.toString());
        }
        node.put("method", method);
        node.set("params", params);
        return Json.text(node);
    }

    private static ObjectNode meta(ObjectNode params, String version, ObjectNode capabilities) {
        ObjectNode meta = params.putObject("_meta");
        meta.put(ModernMeta.PROTOCOL_VERSION, version);
        meta.putObject(ModernMeta.CLIENT_INFO).put("name", "test").put("version", "1");
        meta.set(ModernMeta.CLIENT_CAPABILITIES, capabilities);
        return meta;
    }

    private static ObjectNode modernParams() {
        ObjectNode params = Json.object();
        meta(params, MODERN, Json.object());
        return params;
    }

    private static ObjectNode toolCall(String name, ObjectNode arguments) {
        ObjectNode params = Json.object();
        params.put("name", name);
        params.set("arguments", arguments == null ? Json.object() : arguments);
        return params;
    }

    /** A 2026-07-28 request with the matching standard headers. */
    private Reply modern(String method, ObjectNode params, String... extraHeaders) throws Exception {
        List<String> headers = new ArrayList<>(List.of("MCP-Protocol-Version", MODERN, "Mcp-Method", method));
        String name = switch (method) {
            case "tools/call", "prompts/get" -> params.path("name").asText(null);
            case "resources/read" -> params.path("uri").asText(null);
            default -> null;
        };
        if (name != null) {
            headers.add("Mcp-Name");
            headers.add(name);
        }
        headers.addAll(List.of(extraHeaders));
        return post(rpc(IDS.incrementAndGet(), method, params), headers.toArray(String[]::new));
    }

    private String initialize(ObjectNode capabilities) throws Exception {
        ObjectNode params = Json.object();
        params.put("protocolVersion", ProtocolVersion.V2025_11_25);
        params.set("capabilities", capabilities);
        params.putObject("clientInfo").put("name", "legacy-test").put("version", "1");
        Reply init = post(rpc(1, "initialize", params));
        assertThat(init.status()).isEqualTo(200);
        assertThat(init.json().at("/result/protocolVersion").asText()).isEqualTo(ProtocolVersion.V2025_11_25);
        String sessionId = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        Reply initialized = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "Mcp-Session-Id", sessionId, "MCP-Protocol-Version", ProtocolVersion.V2025_11_25);
        assertThat(initialized.status()).isEqualTo(202);
        return sessionId;
    }

    private Reply legacy(String sessionId, Object id, String method, ObjectNode params, String... extraHeaders) throws Exception {
        List<String> headers = new ArrayList<>(List.of("Mcp-Session-Id", sessionId, "MCP-Protocol-Version", ProtocolVersion.V2025_11_25));
        headers.addAll(List.of(extraHeaders));
        return post(rpc(id, method, params), headers.toArray(String[]::new));
    }

    private void assertStillServing() throws Exception {
        Reply r = modern("tools/list", modernParams());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/result/tools").size()).isEqualTo(7);
        assertThat(r.json().at("/result/resultType").asText()).isEqualTo("complete");
    }

    private static void assertError(Reply r, int status, int code, String fragment) {
        assertThat(r.status()).as("HTTP status of %s", r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.errorCode()).as("JSON-RPC code of %s", r.body()).isEqualTo(code);
        assertThat(r.errorMessage()).contains(fragment);
    }

    /** Sends raw bytes (Host headers HttpClient will not set) and returns the whole response text. */
    private String raw(String requestHead, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write((requestHead + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode jsonIn(String rawResponse) {
        return Json.parse(rawResponse.substring(rawResponse.indexOf('{'), rawResponse.lastIndexOf('}') + 1));
    }

    // ---------------------------------------------------------------- malformed input

    @Test
    void post_malformedJson_is400ParseError() throws Exception {
        Reply r = post("{\"jsonrpc\":\"2.0\",\"id\":1,");
        assertError(r, 400, ErrorCodes.PARSE_ERROR, "Parse error");
        assertThat(r.json().get("id").isNull()).isTrue();
        assertStillServing();
    }

    @Test
    void post_trailingGarbageAfterJson_is400ParseError() throws Exception {
        assertError(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {}"), 400, ErrorCodes.PARSE_ERROR, "Parse error");
        assertStillServing();
    }

    @Test
    void post_deeplyNestedJson_is400ParseError() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertError(post(deep), 400, ErrorCodes.PARSE_ERROR, "Parse error");
        assertStillServing();
    }

    @Test
    void post_batchArray_is400InvalidRequest() throws Exception {
        Reply r = post("[" + rpc(1, "tools/list", modernParams()) + "]");
        assertError(r, 400, ErrorCodes.INVALID_REQUEST, "batches are not supported");
        assertStillServing();
    }

    @Test
    void post_invalidEnvelopeKeepsReadableId() throws Exception {
        Reply r = post("{\"jsonrpc\":\"1.0\",\"id\":\"abc\",\"method\":\"ping\"}");
        assertError(r, 400, ErrorCodes.INVALID_REQUEST, "\"jsonrpc\" must be the string \"2.0\"");
        assertThat(r.json().get("id").asText()).isEqualTo("abc");
        assertStillServing();
    }

    @Test
    void post_wrongContentType_is415() throws Exception {
        Reply r = post(rpc(1, "tools/list", modernParams()), "Content-Type", "text/plain");
        assertError(r, 415, ErrorCodes.INVALID_REQUEST, "Content-Type must be application/json");
        assertStillServing();
    }

    @Test
    void post_acceptWithoutJsonOrSse_is406() throws Exception {
        Reply r = post(rpc(1, "tools/list", modernParams()), "Accept", "text/html");
        assertError(r, 406, ErrorCodes.INVALID_REQUEST, "Accept must include");
        assertStillServing();
    }

    @Test
    void limitedServer_refusesOversizedBodiesWith413AndExtraSessionsWith503() throws Exception {
        HttpTransportConfig small = HttpTransportConfig.defaults("127.0.0.1").withLimits(2048, Duration.ofMinutes(30), 1);
        McpHttpServer smallServer = new McpHttpServer(new TestServerFixture().build(), small, "127.0.0.1", 0, List.of()).start();
        try {
            URI smallEndpoint = URI.create("http://127.0.0.1:" + smallServer.port() + "/mcp");
            ObjectNode params = Json.object().put("pad", "x".repeat(4096));
            String big = rpc(1, "tools/list", params);
            HttpRequest declared = HttpRequest.newBuilder(smallEndpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(big)).build();
            assertError(send(declared), 413, ErrorCodes.INVALID_REQUEST, "exceeds the limit of 2048 bytes");

            HttpRequest chunked = HttpRequest.newBuilder(smallEndpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                    .build();
            assertError(send(chunked), 413, ErrorCodes.INVALID_REQUEST, "exceeds the limit of 2048 bytes");

            HttpRequest fine = HttpRequest.newBuilder(smallEndpoint).header("Content-Type", "application/json")
                    .header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "tools/list")
                    .POST(HttpRequest.BodyPublishers.ofString(rpc(2, "tools/list", modernParams()))).build();
            Reply ok = send(fine);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().at("/result/tools").isArray()).isTrue();

            String init = rpc(3, "initialize", Json.object().put("protocolVersion", ProtocolVersion.V2025_11_25));
            HttpRequest initialize = HttpRequest.newBuilder(smallEndpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(init)).build();
            assertThat(send(initialize).status()).isEqualTo(200);
            Reply busy = send(initialize);
            assertError(busy, 503, ErrorCodes.SERVER_BUSY, "Too many open sessions (1)");
            assertThat(busy.headers().firstValue("Mcp-Session-Id")).isEmpty();
        } finally {
            smallServer.close();
        }
    }

    @Test
    void put_isNotAllowed() throws Exception {
        Reply r = send(HttpRequest.newBuilder(endpoint).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertError(r, 405, ErrorCodes.INVALID_REQUEST, "PUT is not supported");
        assertThat(r.headers().firstValue("Allow")).contains("POST, GET, DELETE");
        assertStillServing();
    }

    @Test
    void otherPaths_areNotHandled() throws Exception {
        Reply r = send(HttpRequest.newBuilder(endpoint.resolve("/other")).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(r.status()).isEqualTo(404);
        assertStillServing();
    }

    // ---------------------------------------------------------------- legacy sessions

    @Test
    void legacy_initializeOpensSessionThatServesRequests() throws Exception {
        String sid = initialize(Json.object());
        assertThat(sid).isNotBlank();
        Reply list = legacy(sid, 2, "tools/list", Json.object());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.headers().firstValue("Mcp-Session-Id")).contains(sid);
        assertThat(list.json().at("/result/tools").size()).isEqualTo(7);
        assertThat(list.json().at("/result").has("resultType")).isFalse();

        Reply echo = legacy(sid, 3, "tools/call", toolCall("echo", Json.object().put("text", "hello")));
        assertThat(echo.json().at("/result/content/0/text").asText()).isEqualTo("hello");
        assertThat(legacy(sid, 4, "ping", Json.object()).json().get("result").isEmpty()).isTrue();
    }

    @Test
    void legacy_unknownMethodInSession_is200MethodNotFound() throws Exception {
        String sid = initialize(Json.object());
        Reply r = legacy(sid, 2, "foo/bar", Json.object());
        assertError(r, 200, ErrorCodes.METHOD_NOT_FOUND, "Method not found: foo/bar");
        assertThat(r.json().get("id").asInt()).isEqualTo(2);
        assertThat(legacy(sid, 3, "ping", Json.object()).status()).isEqualTo(200);
    }

    @Test
    void legacy_modernOnlyMethodInSession_isMethodNotFound() throws Exception {
        String sid = initialize(Json.object());
        assertError(legacy(sid, 2, "server/discover", Json.object()), 200, ErrorCodes.METHOD_NOT_FOUND, "server/discover");
    }

    @Test
    void legacy_secondInitializeInSession_isInvalidRequest() throws Exception {
        String sid = initialize(Json.object());
        ObjectNode params = Json.object().put("protocolVersion", ProtocolVersion.V2025_11_25);
        assertError(legacy(sid, 2, "initialize", params), 200, ErrorCodes.INVALID_REQUEST, "already initialized");
    }

    @Test
    void legacy_initializeWithoutProtocolVersion_isInvalidParams() throws Exception {
        Reply r = post(rpc(1, "initialize", Json.object()));
        assertError(r, 200, ErrorCodes.INVALID_PARAMS, "initialize needs params.protocolVersion");
        assertThat(r.headers().firstValue("Mcp-Session-Id")).isEmpty();
    }

    @Test
    void legacy_initializeWithUnknownVersion_negotiatesLatestLegacy() throws Exception {
        ObjectNode params = Json.object().put("protocolVersion", "2024-11-05");
        Reply r = post(rpc(1, "initialize", params));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/result/protocolVersion").asText()).isEqualTo(ProtocolVersion.LATEST_LEGACY);
        assertThat(r.json().at("/result/serverInfo/name").asText()).isEqualTo("fixture");
    }

    @Test
    void legacy_unknownSessionId_is404() throws Exception {
        Reply r = post(rpc(2, "tools/list", Json.object()), "Mcp-Session-Id", "no-such-session");
        assertError(r, 404, ErrorCodes.SESSION_NOT_FOUND, "Session not found");
        assertThat(r.json().get("id").asInt()).isEqualTo(2);
        assertStillServing();
    }

    @Test
    void legacy_requestWithoutSessionId_is400() throws Exception {
        Reply r = post(rpc(2, "tools/list", Json.object()));
        assertError(r, 400, ErrorCodes.INVALID_REQUEST, "Mcp-Session-Id header is required");
        assertStillServing();
    }

    @Test
    void legacy_unsupportedVersionHeaderInSession_is400() throws Exception {
        String sid = initialize(Json.object());
        Reply r = post(rpc(2, "tools/list", Json.object()), "Mcp-Session-Id", sid, "MCP-Protocol-Version", "1999-01-01");
        assertError(r, 400, ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: 1999-01-01");
        assertThat(r.json().at("/error/data/supported").toString()).contains(ProtocolVersion.V2025_11_25);
    }

    @Test
    void getAndDelete_withoutSession_are405() throws Exception {
        Reply get = send(HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream").GET().build());
        assertError(get, 405, ErrorCodes.INVALID_REQUEST, "GET streams exist only for legacy sessions");
        assertThat(get.headers().firstValue("Allow")).contains("POST, GET, DELETE");
        Reply delete = send(HttpRequest.newBuilder(endpoint).DELETE().build());
        assertError(delete, 405, ErrorCodes.INVALID_REQUEST, "DELETE ends a legacy session");
        assertStillServing();
    }

    @Test
    void delete_endsSessionSoLaterUseIs404() throws Exception {
        String sid = initialize(Json.object());
        int open = http.handler().sessions().orElseThrow().size();
        Reply deleted = send(HttpRequest.newBuilder(endpoint).header("Mcp-Session-Id", sid).DELETE().build());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertError(legacy(sid, 2, "tools/list", Json.object()), 404, ErrorCodes.SESSION_NOT_FOUND, "Session not found");
        Reply again = send(HttpRequest.newBuilder(endpoint).header("Mcp-Session-Id", sid).DELETE().build());
        assertError(again, 404, ErrorCodes.SESSION_NOT_FOUND, "Session not found");
        assertThat(http.handler().sessions().orElseThrow().size()).isEqualTo(open - 1);
        assertStillServing();
    }

    @Test
    void get_streamsListChangedNotificationsAndEndsWhenSessionIsDeleted() throws Exception {
        String sid = initialize(Json.object());
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", sid).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).contains("text/event-stream");
        try (InputStream in = stream.body()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo(":"); // the first keep-alive: the stream is subscribed now

            Reply second = send(HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream")
                    .header("Mcp-Session-Id", sid).GET().build());
            assertError(second, 409, ErrorCodes.INVALID_REQUEST, "already has an open GET stream");

            server.events().toolsChanged();
            JsonNode event = nextEvent(reader);
            assertThat(event.get("method").asText()).isEqualTo("notifications/tools/list_changed");

            Reply deleted = send(HttpRequest.newBuilder(endpoint).header("Mcp-Session-Id", sid).DELETE().build());
            assertThat(deleted.status()).isEqualTo(204);
            String rest;
            StringBuilder tail = new StringBuilder();
            while ((rest = reader.readLine()) != null) {
                tail.append(rest);
            }
            assertThat(tail.toString()).doesNotContain("data:");
        }
    }

    private static JsonNode nextEvent(BufferedReader reader) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("data: ")) {
                data.append(line.substring(6));
            } else if (line.isEmpty() && !data.isEmpty()) {
                return Json.parse(data.toString());
            }
        }
        throw new IOException("stream ended before an event");
    }

    // ---------------------------------------------------------------- 2026-07-28 stateless

    @Test
    void modern_discoverListAndCallWorkWithoutSession() throws Exception {
        Reply discover = modern("server/discover", modernParams());
        assertThat(discover.status()).isEqualTo(200);
        assertThat(discover.headers().firstValue("Mcp-Session-Id")).isEmpty();
        JsonNode result = discover.json().get("result");
        assertThat(result.get("supportedVersions").toString()).isEqualTo("[\"" + MODERN + "\"]");
        assertThat(result.at("/_meta/" + ModernMeta.SERVER_INFO.replace("/", "~1") + "/name").asText()).isEqualTo("fixture");
        assertThat(result.get("resultType").asText()).isEqualTo("complete");
        assertThat(result.get("ttlMs").asLong()).isEqualTo(60_000);

        ObjectNode call = toolCall("echo", Json.object().put("text", "stateless"));
        meta(call, MODERN, Json.object());
        Reply echo = modern("tools/call", call);
        assertThat(echo.status()).isEqualTo(200);
        assertThat(echo.json().at("/result/content/0/text").asText()).isEqualTo("stateless");
        assertThat(echo.json().at("/result/resultType").asText()).isEqualTo("complete");
    }

    @Test
    void modern_readsResourcesAndTemplatesAndPrompts() throws Exception {
        ObjectNode read = Json.object().put("uri", "test://template/42/data");
        meta(read, MODERN, Json.object());
        Reply r = modern("resources/read", read);
        assertThat(r.json().at("/result/contents/0/text").asText()).isEqualTo("data for 42");
        assertThat(r.json().at("/result/cacheScope").asText()).isEqualTo("private");

        ObjectNode missing = Json.object().put("uri", "test://nothing");
        meta(missing, MODERN, Json.object());
        Reply notFound = modern("resources/read", missing);
        assertError(notFound, 400, ErrorCodes.INVALID_PARAMS, "Resource not found: test://nothing");
        assertThat(notFound.json().at("/error/data/uri").asText()).isEqualTo("test://nothing");

        ObjectNode prompt = Json.object().put("name", "greet");
        prompt.putObject("arguments").put("name", "Ada");
        meta(prompt, MODERN, Json.object());
        assertThat(modern("prompts/get", prompt).json().at("/result/messages/0/content/text").asText()).isEqualTo("Hello Ada");
    }

    @Test
    void modern_missingMeta_is400InvalidParams() throws Exception {
        Reply r = modern("tools/list", Json.object());
        assertError(r, 400, ErrorCodes.INVALID_PARAMS, "params._meta is required");
        assertStillServing();
    }

    @Test
    void modern_metaWithoutCapabilities_is400InvalidParams() throws Exception {
        ObjectNode params = Json.object();
        params.putObject("_meta").put(ModernMeta.PROTOCOL_VERSION, MODERN);
        assertError(modern("tools/list", params), 400, ErrorCodes.INVALID_PARAMS, ModernMeta.CLIENT_CAPABILITIES);
        assertStillServing();
    }

    @Test
    void modern_headerAndBodyVersionMismatch_is400HeaderMismatch() throws Exception {
        Reply r = post(rpc(5, "tools/list", modernParams()), "MCP-Protocol-Version", ProtocolVersion.V2025_11_25,
                "Mcp-Method", "tools/list");
        assertError(r, 400, ErrorCodes.HEADER_MISMATCH, "MCP-Protocol-Version header '2025-11-25' does not match");
        Reply noHeader = post(rpc(6, "tools/list", modernParams()), "Mcp-Method", "tools/list");
        assertError(noHeader, 400, ErrorCodes.HEADER_MISMATCH, "header 'null' does not match");
        assertStillServing();
    }

    @Test
    void modern_unsupportedVersion_is400WithSupportedAndRequested() throws Exception {
        ObjectNode params = Json.object();
        meta(params, "v999", Json.object());
        Reply r = post(rpc(5, "tools/list", params), "MCP-Protocol-Version", "v999", "Mcp-Method", "tools/list");
        assertError(r, 400, ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: v999");
        assertThat(r.json().at("/error/data/supported").toString()).isEqualTo("[\"" + MODERN + "\"]");
        assertThat(r.json().at("/error/data/requested").asText()).isEqualTo("v999");
        assertThat(r.json().get("id").asInt()).isEqualTo(5);
        assertStillServing();
    }

    @Test
    void modern_removedMethods_are404MethodNotFound() throws Exception {
        assertError(modern("ping", modernParams()), 404, ErrorCodes.METHOD_NOT_FOUND, "removed in " + MODERN);
        ObjectNode init = modernParams().put("protocolVersion", MODERN);
        assertError(modern("initialize", init), 404, ErrorCodes.METHOD_NOT_FOUND, "Method not found: initialize");
        assertError(modern("logging/setLevel", modernParams().put("level", "info")), 404, ErrorCodes.METHOD_NOT_FOUND, "logging/setLevel");
        assertStillServing();
    }

    @Test
    void modern_mcpMethodMismatch_is400HeaderMismatch() throws Exception {
        Reply r = post(rpc(5, "tools/list", modernParams()), "MCP-Protocol-Version", MODERN, "Mcp-Method", "prompts/list");
        assertError(r, 400, ErrorCodes.HEADER_MISMATCH, "Mcp-Method header 'prompts/list' does not match body method 'tools/list'");
        Reply missing = post(rpc(6, "tools/list", modernParams()), "MCP-Protocol-Version", MODERN);
        assertError(missing, 400, ErrorCodes.HEADER_MISMATCH, "Mcp-Method header is required");
        assertStillServing();
    }

    @Test
    void modern_mcpNameMismatch_is400HeaderMismatch() throws Exception {
        ObjectNode call = toolCall("echo", Json.object().put("text", "x"));
        meta(call, MODERN, Json.object());
        Reply r = post(rpc(5, "tools/call", call), "MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/call", "Mcp-Name", "block");
        assertError(r, 400, ErrorCodes.HEADER_MISMATCH, "Mcp-Name header 'block' does not match body params.name 'echo'");
        assertThat(fixture.started().getCount()).isEqualTo(1); // the mismatched tool never ran
        assertStillServing();
    }

    @Test
    void modern_headerParamMissing_is400HeaderMismatch() throws Exception {
        ObjectNode call = toolCall("regional", Json.object().put("region", "eu-west-1"));
        meta(call, MODERN, Json.object());
        assertError(modern("tools/call", call), 400, ErrorCodes.HEADER_MISMATCH, "Mcp-Param-Region is required");
        Reply ok = modern("tools/call", call, "Mcp-Param-Region", "eu-west-1");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().at("/result/content/0/text").asText()).isEqualTo("region eu-west-1");
    }

    @Test
    void modern_unknownTool_is400InvalidParams() throws Exception {
        ObjectNode call = toolCall("nope", null);
        meta(call, MODERN, Json.object());
        Reply r = modern("tools/call", call);
        assertError(r, 400, ErrorCodes.INVALID_PARAMS, "Unknown tool: nope");
        assertStillServing();
    }

    @Test
    void modern_invalidArguments_areToolErrorResult() throws Exception {
        ObjectNode call = toolCall("echo", Json.object().put("text", 5));
        meta(call, MODERN, Json.object());
        Reply r = modern("tools/call", call);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/result/isError").asBoolean()).isTrue();
        assertThat(r.json().at("/result/content/0/text").asText())
                .isEqualTo("Invalid arguments for tool echo: argument 'text' must be a string, got the number 5");
    }

    @Test
    void modern_toolNeedingSamplingWithoutCapability_is400MissingCapability() throws Exception {
        ObjectNode call = toolCall("sample", null);
        meta(call, MODERN, Json.object());
        Reply r = modern("tools/call", call);
        assertError(r, 400, ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY, "client capability 'sampling'");
        assertThat(r.json().at("/error/data/requiredCapabilities/sampling").isObject()).isTrue();
        assertStillServing();
    }

    @Test
    void modern_samplingRoundTripsThroughInputRequiredAndRequestState() throws Exception {
        ObjectNode caps = Json.object();
        caps.putObject("sampling");
        ObjectNode call = toolCall("sample", null);
        meta(call, MODERN, caps);
        Reply first = modern("tools/call", call);
        assertThat(first.status()).isEqualTo(200);
        JsonNode result = first.json().get("result");
        assertThat(result.get("resultType").asText()).isEqualTo("input_required");
        assertThat(result.at("/inputRequests/k/method").asText()).isEqualTo("sampling/createMessage");
        assertThat(result.at("/inputRequests/k/params/messages/0/content/text").asText()).isEqualTo("hi");
        String state = result.get("requestState").asText();

        ObjectNode retry = call.deepCopy();
        retry.put("requestState", state);
        ObjectNode answer = retry.putObject("inputResponses").putObject("k");
        answer.put("role", "assistant");
        answer.putObject("content").put("type", "text").put("text", "a poem");
        Reply second = modern("tools/call", retry);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().at("/result/resultType").asText()).isEqualTo("complete");
        assertThat(second.json().at("/result/content/0/text").asText()).isEqualTo("sampled: a poem");

        ObjectNode tampered = retry.deepCopy();
        tampered.put("requestState", state + "-TAMPERED");
        assertError(modern("tools/call", tampered), 400, ErrorCodes.INVALID_PARAMS, "requestState failed verification");

        ObjectNode malformed = call.deepCopy();
        malformed.putObject("inputResponses").putObject("k").put("text", "no role");
        assertError(modern("tools/call", malformed), 400, ErrorCodes.INVALID_PARAMS, "inputResponses.k is not a valid CreateMessageResult");
        assertStillServing();
    }

    @Test
    void modern_notificationIsAccepted() throws Exception {
        ObjectNode params = modernParams();
        params.put("requestId", 1);
        Reply r = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":" + params + "}",
                "MCP-Protocol-Version", MODERN);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void modern_responseMessage_is400() throws Exception {
        Reply r = post("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}", "MCP-Protocol-Version", MODERN);
        assertError(r, 400, ErrorCodes.INVALID_REQUEST, "responses are not accepted");
    }

    // ---------------------------------------------------------------- DNS rebinding

    @Test
    void evilHostHeader_is403() throws Exception {
        String body = rpc(1, "tools/list", modernParams());
        String response = raw("POST /mcp HTTP/1.1\r\nHost: evil.example.com\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nMCP-Protocol-Version: " + MODERN + "\r\nMcp-Method: tools/list\r\n", body);
        assertThat(response).startsWith("HTTP/1.1 403");
        JsonNode json = jsonIn(response);
        assertThat(json.at("/error/code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(json.at("/error/message").asText()).isEqualTo("Forbidden: Host header 'evil.example.com' is not allowed");

        String good = raw("POST /mcp HTTP/1.1\r\nHost: localhost:" + http.port() + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nMCP-Protocol-Version: " + MODERN + "\r\nMcp-Method: tools/list\r\n", body);
        assertThat(good).startsWith("HTTP/1.1 200");
        assertStillServing();
    }

    @Test
    void evilOrigin_is403() throws Exception {
        Reply r = post(rpc(1, "tools/list", modernParams()), "MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/list",
                "Origin", "http://evil.example.com");
        assertError(r, 403, ErrorCodes.INVALID_REQUEST, "Forbidden: Origin 'http://evil.example.com' is not allowed");
        assertStillServing();
    }

    @Test
    void localOrigin_isAllowed() throws Exception {
        Reply r = post(rpc(1, "tools/list", modernParams()), "MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/list",
                "Origin", "http://localhost:" + http.port());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/result/tools").size()).isEqualTo(7);
    }

    // ---------------------------------------------------------------- progress

    @Test
    void progressToken_turnsResponseIntoEventStream() throws Exception {
        ObjectNode call = toolCall("progress", null);
        meta(call, MODERN, Json.object()).put("progressToken", "tok-1");
        Reply r = modern("tools/call", call);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/event-stream");
        List<JsonNode> events = r.events();
        assertThat(events).hasSize(3);
        assertThat(events.get(0).get("method").asText()).isEqualTo("notifications/progress");
        assertThat(events.get(0).at("/params/progressToken").asText()).isEqualTo("tok-1");
        assertThat(events.get(0).at("/params/progress").asInt()).isEqualTo(1);
        assertThat(events.get(0).at("/params/total").asInt()).isEqualTo(2);
        assertThat(events.get(0).at("/params/message").asText()).isEqualTo("half");
        assertThat(events.get(1).at("/params/progress").asInt()).isEqualTo(2);
        assertThat(events.get(2).at("/result/content/0/text").asText()).isEqualTo("progressed");
        assertThat(events.get(2).at("/result/resultType").asText()).isEqualTo("complete");
    }

    @Test
    void noProgressToken_answersWithPlainJson() throws Exception {
        ObjectNode call = toolCall("progress", null);
        meta(call, MODERN, Json.object());
        Reply r = modern("tools/call", call);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().at("/result/content/0/text").asText()).isEqualTo("progressed");
    }

    @Test
    void progressToken_withJsonOnlyAccept_answersWithPlainJson() throws Exception {
        ObjectNode call = toolCall("progress", null);
        meta(call, MODERN, Json.object()).put("progressToken", 7);
        Reply r = modern("tools/call", call, "Accept", "application/json");
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().at("/result/content/0/text").asText()).isEqualTo("progressed");
    }

    @Test
    void legacy_progressTokenStreamsInSession() throws Exception {
        String sid = initialize(Json.object());
        ObjectNode call = toolCall("progress", null);
        call.putObject("_meta").put("progressToken", 99);
        Reply r = legacy(sid, 2, "tools/call", call);
        assertThat(r.contentType()).startsWith("text/event-stream");
        assertThat(r.headers().firstValue("Mcp-Session-Id")).contains(sid);
        List<JsonNode> events = r.events();
        assertThat(events).extracting(e -> e.path("method").asText()).containsExactly(
                "notifications/progress", "notifications/progress", "");
        assertThat(events.get(0).at("/params/progressToken").asInt()).isEqualTo(99);
        assertThat(events.get(2).get("id").asInt()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- cancellation

    @Test
    void legacy_cancelledNotificationCancelsRunningRequest() throws Exception {
        String sid = initialize(Json.object());
        CompletableFuture<HttpResponse<String>> running = HTTP.sendAsync(
                request(rpc(7, "tools/call", toolCall("block", null)), "Mcp-Session-Id", sid,
                        "MCP-Protocol-Version", ProtocolVersion.V2025_11_25).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fixture.started().await(5, TimeUnit.SECONDS)).as("tool started").isTrue();

        Reply cancel = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,\"reason\":\"user gave up\"}}",
                "Mcp-Session-Id", sid, "MCP-Protocol-Version", ProtocolVersion.V2025_11_25);
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(fixture.cancelled().await(5, TimeUnit.SECONDS)).as("cancellation callback ran").isTrue();

        HttpResponse<String> abandoned = running.get(5, TimeUnit.SECONDS);
        assertThat(abandoned.statusCode()).isEqualTo(204);
        assertThat(abandoned.body()).isEmpty();
        assertThat(fixture.sawCancelled()).isTrue();
        assertThat(legacy(sid, 8, "ping", Json.object()).status()).isEqualTo(200);
    }

    @Test
    void legacy_cancelledNotificationForUnknownIdIsIgnored() throws Exception {
        String sid = initialize(Json.object());
        Reply cancel = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"nope\"}}",
                "Mcp-Session-Id", sid, "MCP-Protocol-Version", ProtocolVersion.V2025_11_25);
        assertThat(cancel.status()).isEqualTo(202);
        assertThat(legacy(sid, 2, "ping", Json.object()).status()).isEqualTo(200);
    }

    @Test
    void modern_closingTheEventStreamCancelsASilentRequest() throws Exception {
        closeStreamAfterFirstProgress("stream");
        assertThat(fixture.cancelled().await(5, TimeUnit.SECONDS)).as("cancellation callback ran after the client left").isTrue();
        assertStillServing();
    }

    @Test
    void modern_closingTheEventStreamCancelsARequestThatKeepsWriting() throws Exception {
        closeStreamAfterFirstProgress("heartbeat");
        assertThat(fixture.cancelled().await(5, TimeUnit.SECONDS)).as("cancellation callback ran after the client left").isTrue();
        assertStillServing();
    }

    /** Opens a 2026 tools/call with a progress token on a raw socket, reads the first event, and hangs up. */
    private void closeStreamAfterFirstProgress(String tool) throws Exception {
        ObjectNode call = toolCall(tool, null);
        meta(call, MODERN, Json.object()).put("progressToken", "p1");
        byte[] body = rpc(1, "tools/call", call).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + http.port() + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nMCP-Protocol-Version: " + MODERN + "\r\n"
                    + "Mcp-Method: tools/call\r\nMcp-Name: " + tool + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!seen.toString(StandardCharsets.UTF_8).contains("notifications/progress")) {
                int n = in.read(buffer);
                assertThat(n).as("stream ended early: %s", seen).isPositive();
                seen.write(buffer, 0, n);
            }
            assertThat(seen.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200").contains("text/event-stream");
        }
    }

    // ---------------------------------------------------------------- server-to-client requests

    @Test
    void legacy_samplingRequestRoundTripsOverTheEventStream() throws Exception {
        ObjectNode caps = Json.object();
        caps.putObject("sampling");
        String sid = initialize(caps);
        HttpResponse<InputStream> stream = HTTP.send(request(rpc(11, "tools/call", toolCall("sample", null)),
                "Mcp-Session-Id", sid, "MCP-Protocol-Version", ProtocolVersion.V2025_11_25).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).contains("text/event-stream");
        try (InputStream in = stream.body()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            JsonNode ask = nextEvent(reader);
            assertThat(ask.get("method").asText()).isEqualTo("sampling/createMessage");
            assertThat(ask.at("/params/messages/0/content/text").asText()).isEqualTo("hi");
            assertThat(ask.at("/params/maxTokens").asInt()).isEqualTo(10);
            assertThat(ask.get("id").isTextual()).isTrue();

            ObjectNode answer = Json.object();
            answer.put("jsonrpc", "2.0");
            answer.set("id", ask.get("id"));
            ObjectNode result = answer.putObject("result");
            result.put("role", "assistant");
            result.put("model", "test-model");
            result.putObject("content").put("type", "text").put("text", "the sampled text");
            Reply accepted = post(Json.text(answer), "Mcp-Session-Id", sid, "MCP-Protocol-Version", ProtocolVersion.V2025_11_25);
            assertThat(accepted.status()).isEqualTo(202);

            JsonNode done = nextEvent(reader);
            assertThat(done.get("id").asInt()).isEqualTo(11);
            assertThat(done.at("/result/content/0/text").asText()).isEqualTo("sampled: the sampled text");
        }
    }

    @Test
    void legacy_samplingErrorFromClientBecomesRequestError() throws Exception {
        ObjectNode caps = Json.object();
        caps.putObject("sampling");
        String sid = initialize(caps);
        HttpResponse<InputStream> stream = HTTP.send(request(rpc(12, "tools/call", toolCall("sample", null)),
                "Mcp-Session-Id", sid, "MCP-Protocol-Version", ProtocolVersion.V2025_11_25).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = stream.body()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            JsonNode ask = nextEvent(reader);
            String error = "{\"jsonrpc\":\"2.0\",\"id\":" + ask.get("id") + ",\"error\":{\"code\":-1,\"message\":\"user declined\"}}";
            assertThat(post(error, "Mcp-Session-Id", sid, "MCP-Protocol-Version", ProtocolVersion.V2025_11_25).status()).isEqualTo(202);
            JsonNode done = nextEvent(reader);
            assertThat(done.get("id").asInt()).isEqualTo(12);
            assertThat(done.at("/error/code").asInt()).isEqualTo(-1);
            assertThat(done.at("/error/message").asText()).contains("user declined");
        }
    }

    @Test
    void legacy_samplingWithoutDeclaredCapability_isMissingCapability() throws Exception {
        String sid = initialize(Json.object());
        Reply r = legacy(sid, 2, "tools/call", toolCall("sample", null));
        assertError(r, 200, ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY, "'sampling'");
    }

    @Test
    void legacy_samplingWithJsonOnlyAccept_explainsWhatIsMissing() throws Exception {
        ObjectNode caps = Json.object();
        caps.putObject("sampling");
        String sid = initialize(caps);
        Reply r = legacy(sid, 2, "tools/call", toolCall("sample", null), "Accept", "application/json");
        assertError(r, 200, ErrorCodes.INVALID_REQUEST, "requires a session and an SSE response");
    }
}
