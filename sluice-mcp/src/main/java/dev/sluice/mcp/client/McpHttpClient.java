package dev.sluice.mcp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcCodec;
import dev.sluice.mcp.server.ModernMeta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * A blocking Streamable HTTP client. {@link #connect()} runs {@code initialize} (legacy) or
 * {@code server/discover} (2026-07-28); later calls carry the session or the per-request metadata.
 * Thread-safe once connected: concurrent calls share the underlying connection pool.
 */
public final class McpHttpClient implements AutoCloseable {
    private final URI endpoint;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final String protocolVersion;
    private final Map<String, String> headers;
    private final ObjectNode clientInfo;
    private final ObjectNode capabilities;
    private final Duration timeout;
    private final Consumer<JsonNode> notificationListener;
    private final AtomicLong ids = new AtomicLong();
    private volatile String sessionId;
    private volatile String negotiatedVersion;

    private McpHttpClient(Builder b) {
        this.endpoint = b.endpoint;
        this.ownsHttp = b.http == null;
        this.http = b.http != null ? b.http : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(b.timeout).build();
        this.protocolVersion = b.protocolVersion;
        this.headers = Map.copyOf(b.headers);
        this.clientInfo = Json.object();
        clientInfo.put("name", b.clientName);
        clientInfo.put("version", b.clientVersion);
        this.capabilities = b.capabilities;
        this.timeout = b.timeout;
        this.notificationListener = b.notificationListener;
        this.negotiatedVersion = b.protocolVersion;
    }

    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    public boolean modern() {
        return ProtocolVersion.isModern(protocolVersion);
    }

    /** The version in use: the requested one for modern, the negotiated one after a legacy initialize. */
    public String protocolVersion() {
        return negotiatedVersion;
    }

    public String sessionId() {
        return sessionId;
    }

    /** initialize + notifications/initialized (legacy) or server/discover (modern). */
    public ObjectNode connect() {
        if (modern()) {
            return request("server/discover", Json.object());
        }
        ObjectNode params = Json.object();
        params.put("protocolVersion", protocolVersion);
        params.set("capabilities", capabilities);
        params.set("clientInfo", clientInfo);
        ObjectNode result = request("initialize", params);
        negotiatedVersion = result.path("protocolVersion").asText(protocolVersion);
        notifyServer("notifications/initialized", Json.object());
        return result;
    }

    public ObjectNode listTools() {
        return request("tools/list", Json.object());
    }

    public ObjectNode callTool(String name, ObjectNode arguments) {
        ObjectNode params = Json.object();
        params.put("name", name);
        params.set("arguments", arguments == null ? Json.object() : arguments);
        return request("tools/call", params);
    }

    /** Sends a request and returns its result; JSON-RPC and HTTP errors become {@link McpClientException}. */
    public ObjectNode request(String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode body = JsonRpcCodec.request(Json.MAPPER.getNodeFactory().numberNode(id), method, withMeta(params));
        HttpResponse<InputStream> response = send(method, body);
        if (method.equals("initialize")) {
            response.headers().firstValue("Mcp-Session-Id").ifPresent(s -> sessionId = s);
        }
        return readResult(response, id, method);
    }

    public void notifyServer(String method, ObjectNode params) {
        HttpResponse<InputStream> response = send(method, JsonRpcCodec.notification(method, withMeta(params)));
        try (InputStream in = response.body()) {
            in.readAllBytes();
        } catch (IOException e) {
            throw new McpClientException("reading the response to " + method + " failed: " + e.getMessage(), response.statusCode(), null);
        }
        if (response.statusCode() >= 300) {
            throw new McpClientException(method + " was refused with HTTP " + response.statusCode(), response.statusCode(), null);
        }
    }

    private ObjectNode withMeta(ObjectNode params) {
        if (!modern()) {
            return params;
        }
        ObjectNode copy = params.deepCopy();
        ObjectNode meta = copy.has("_meta") && copy.get("_meta").isObject() ? (ObjectNode) copy.get("_meta") : copy.putObject("_meta");
        meta.put(ModernMeta.PROTOCOL_VERSION, protocolVersion);
        meta.set(ModernMeta.CLIENT_INFO, clientInfo);
        meta.set(ModernMeta.CLIENT_CAPABILITIES, capabilities);
        return copy;
    }

    private HttpResponse<InputStream> send(String method, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        if (!method.equals("initialize")) {
            request.header("MCP-Protocol-Version", negotiatedVersion);
        }
        if (modern()) {
            request.header("Mcp-Method", method);
            JsonNode params = body.path("params");
            String name = switch (method) {
                case "tools/call", "prompts/get" -> params.path("name").asText(null);
                case "resources/read" -> params.path("uri").asText(null);
                default -> null;
            };
            if (name != null) {
                request.header("Mcp-Name", headerSafe(name));
            }
        } else if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new McpClientException(method + " failed: " + e.getMessage(), 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpClientException(method + " interrupted", 0, null);
        }
    }

    private static String headerSafe(String value) {
        boolean plain = !value.isEmpty() && value.equals(value.trim()) && !(value.startsWith("=?base64?") && value.endsWith("?="));
        for (int i = 0; plain && i < value.length(); i++) {
            char c = value.charAt(i);
            plain = c >= 0x20 && c <= 0x7e;
        }
        return plain ? value : "=?base64?" + java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private ObjectNode readResult(HttpResponse<InputStream> response, long id, String method) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            JsonNode message;
            if (type.startsWith("text/event-stream")) {
                message = readStream(in, id, method);
            } else {
                byte[] bytes = in.readAllBytes();
                message = bytes.length == 0 ? null : Json.parse(bytes);
            }
            return unwrap(message, response.statusCode(), method);
        } catch (IOException e) {
            throw new McpClientException("reading the response to " + method + " failed: " + e.getMessage(), response.statusCode(), null);
        }
    }

    private JsonNode readStream(InputStream in, long id, String method) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("data:")) {
                data.append(line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5));
            } else if (line.isEmpty() && !data.isEmpty()) {
                JsonNode message = Json.parse(data.toString());
                data.setLength(0);
                if (message.has("id") && message.path("id").asLong(-1) == id && !message.has("method")) {
                    return message;
                }
                if (message.has("method") && !message.has("id") && notificationListener != null) {
                    notificationListener.accept(message);
                } else if (message.has("method") && message.has("id")) {
                    declineServerRequest(message);
                }
            }
        }
        throw new McpClientException("the stream for " + method + " ended without a response", 200, null);
    }

    /** This client offers no sampling/elicitation/roots: it answers server requests with -32601. */
    private void declineServerRequest(JsonNode request) {
        ObjectNode reply = JsonRpcCodec.errorNode(request.get("id"),
                McpError.methodNotFound(request.path("method").asText() + " (this client does not support it)"));
        send("response", reply);
    }

    private static ObjectNode unwrap(JsonNode message, int status, String method) {
        if (message != null && message.has("error")) {
            JsonNode e = message.get("error");
            McpError error = new McpError(e.path("code").asInt(), e.path("message").asText(), e.get("data"));
            throw new McpClientException(method + " failed (HTTP " + status + "): " + error.code() + " " + error.getMessage(), status, error);
        }
        if (status >= 300 || message == null || !message.path("result").isObject()) {
            throw new McpClientException(method + " failed with HTTP " + status, status, null);
        }
        return (ObjectNode) message.get("result");
    }

    /** Ends a legacy session with DELETE; modern clients have nothing to end. */
    @Override
    public void close() {
        try {
            if (sessionId != null) {
                HttpRequest.Builder delete = HttpRequest.newBuilder(endpoint).timeout(timeout).DELETE()
                        .header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", negotiatedVersion);
                headers.forEach(delete::header);
                http.send(delete.build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException e) {
            // the session expires on the server anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownsHttp) {
                http.close();
            }
        }
    }

    public static final class Builder {
        private final URI endpoint;
        private HttpClient http;
        private String protocolVersion = ProtocolVersion.LATEST_LEGACY;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String clientName = "sluice-client";
        private String clientVersion = "1";
        private ObjectNode capabilities = Json.object();
        private Duration timeout = Duration.ofSeconds(30);
        private Consumer<JsonNode> notificationListener;

        private Builder(URI endpoint) {
            this.endpoint = requireNonNull(endpoint, "endpoint is null");
        }

        /** Share one pool between many clients (the throughput benchmark does). */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        public Builder protocolVersion(String version) {
            if (!ProtocolVersion.ALL.contains(version)) {
                throw new IllegalArgumentException("unknown protocol version " + version + "; use one of " + ProtocolVersion.ALL);
            }
            this.protocolVersion = version;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder clientInfo(String name, String version) {
            this.clientName = name;
            this.clientVersion = version;
            return this;
        }

        public Builder capabilities(ObjectNode value) {
            this.capabilities = value.deepCopy();
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder onNotification(Consumer<JsonNode> listener) {
            this.notificationListener = listener;
            return this;
        }

        public McpHttpClient build() {
            return new McpHttpClient(this);
        }
    }
}
