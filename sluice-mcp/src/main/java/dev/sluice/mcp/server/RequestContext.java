package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.jsonrpc.JsonRpcCodec;
import dev.sluice.mcp.model.InputRequest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything a handler may use while serving one request: who calls, progress and log
 * notifications, cancellation, and {@link #ask} for input from the client (elicitation, sampling,
 * roots) that works the same on legacy sessions and on stateless 2026-07-28 requests.
 */
public final class RequestContext {
    private final McpServer server;
    private final Caller caller;
    private final JsonNode requestId;
    private final String method;
    private final String subjectName;
    private final JsonNode progressToken;
    private final RequestChannel channel;
    private final ObjectNode inputResponses;
    /** Answers known so far (from requestState and this retry); created on first ask. */
    private ObjectNode answers;
    private final Attributes attributes;
    /** Where {@link #remember} keeps its values among the sealed answers; not a valid {@link #ask} key. */
    private static final String REMEMBERED = "\u0000remembered";

    RequestContext(McpServer server, Caller caller, JsonNode requestId, String method, ObjectNode params,
                   String subjectName, RequestChannel channel) {
        this(server, caller, requestId, method, params, subjectName, channel, new Attributes());
    }

    RequestContext(McpServer server, Caller caller, JsonNode requestId, String method, ObjectNode params,
                   String subjectName, RequestChannel channel, Attributes attributes) {
        this.attributes = attributes;
        this.server = server;
        this.caller = caller;
        this.requestId = requestId;
        this.method = method;
        this.subjectName = subjectName;
        this.channel = channel;
        JsonNode meta = params.get("_meta");
        JsonNode token = meta == null ? null : meta.get("progressToken");
        this.progressToken = token != null && (token.isTextual() || token.isIntegralNumber()) ? token : null;
        if (caller.modern()) {
            JsonNode responses = params.get("inputResponses");
            if (responses != null && !responses.isObject()) {
                throw McpError.invalidParams("inputResponses must be an object keyed by the inputRequests keys");
            }
            this.inputResponses = (ObjectNode) responses;
            JsonNode state = params.get("requestState");
            if (state != null && !state.isTextual()) {
                throw McpError.invalidParams("requestState must be the string the server returned");
            }
            this.answers = state == null ? null : server.stateCodec().open(binding(), state.asText());
        } else {
            this.inputResponses = null;
            this.answers = null;
        }
    }

    public Caller caller() {
        return caller;
    }

    public JsonNode requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public Cancellation cancellation() {
        return channel.cancellation();
    }

    public boolean isCancelled() {
        return channel.cancellation().isCancelled();
    }

    /** Throws if the request was cancelled; long loops call this between steps. */
    public void checkCancelled() {
        if (isCancelled()) {
            throw new McpError(dev.sluice.mcp.ErrorCodes.REQUEST_CANCELLED, "Request cancelled: " + cancellation().reason());
        }
    }

    public boolean hasProgressToken() {
        return progressToken != null;
    }

    /** Reports progress if the client asked for it (sent a progress token); otherwise does nothing. */
    public void progress(double progress, Double total, String message) {
        if (progressToken == null || isCancelled()) {
            return;
        }
        ObjectNode p = Json.object();
        p.set("progressToken", progressToken);
        putNumber(p, "progress", progress);
        if (total != null) {
            putNumber(p, "total", total);
        }
        if (message != null) {
            p.put("message", message);
        }
        channel.notify(JsonRpcCodec.notification("notifications/progress", p));
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
    }

    /** Sends a log message tied to this request if the client's level lets it through. */
    public void log(LogLevel level, String logger, JsonNode data) {
        LogLevel threshold = caller.effectiveLogLevel();
        if (threshold == null || level.ordinal() < threshold.ordinal() || isCancelled()) {
            return;
        }
        ObjectNode p = Json.object();
        p.put("level", level.wireName());
        if (logger != null) {
            p.put("logger", logger);
        }
        p.set("data", data);
        channel.notify(JsonRpcCodec.notification("notifications/message", p));
    }

    public JsonNode ask(String key, InputRequest request) {
        return ask(Map.of(key, request)).get(key);
    }

    /**
     * Gets input from the client, one answer per key. Legacy sessions send each request to the
     * client and wait. Modern requests answer from the retry's {@code inputResponses} and the
     * sealed state; anything still missing ends this attempt with an {@code input_required}
     * result, and the handler runs again from the top when the client retries. Handlers
     * therefore call {@code ask} in the same order on every attempt.
     *
     * @throws McpError -32021 when the client did not declare the needed capability
     */
    public Map<String, JsonNode> ask(Map<String, InputRequest> requests) {
        if (requests.containsKey(REMEMBERED)) {
            throw new IllegalArgumentException("that input key is reserved for remember()");
        }
        for (InputRequest r : requests.values()) {
            if (!caller.supports(r.capability())) {
                throw McpError.missingCapability(r.capability());
            }
        }
        Map<String, JsonNode> results = new LinkedHashMap<>();
        if (!caller.modern()) {
            for (Map.Entry<String, InputRequest> e : requests.entrySet()) {
                JsonNode result = channel.request(e.getValue().method(), e.getValue().params(), server.clientRequestTimeout());
                results.put(e.getKey(), InputResponses.validate(e.getKey(), e.getValue().method(), result));
            }
            return results;
        }
        if (answers == null) {
            answers = Json.object();
        }
        ObjectNode known = answers;
        ObjectNode missing = Json.object();
        for (Map.Entry<String, InputRequest> e : requests.entrySet()) {
            String key = e.getKey();
            JsonNode given = known.has(key) ? known.get(key) : inputResponses == null ? null : inputResponses.get(key);
            if (given == null || given.isNull()) {
                missing.set(key, e.getValue().toJson());
            } else {
                JsonNode valid = InputResponses.validate(key, e.getValue().method(), given);
                known.set(key, valid);
                results.put(key, valid);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputRequired(missing, server.stateCodec().seal(binding(), known));
        }
        return results;
    }

    /**
     * {@code compute}'s value, computed once per request. Legacy requests just compute it. On
     * 2026-07-28 requests a value computed on an earlier round comes back from the sealed
     * {@code requestState} instead, so work done before an {@code input_required} round (a call
     * to a remote model, say) is neither repeated nor answered differently when the handler runs
     * again. Values travel in {@code requestState} once a later {@link #ask} needs input: keep them
     * small. Keys are the handler's own; they never clash with {@link #ask}'s keys.
     *
     * <p>The values are signed, not encrypted: {@link RequestStateCodec} seals them as base64url JSON
     * with an HMAC-SHA256 signature, bound to the method, the tool name and the subject, and an
     * expiry. The client cannot change them or move them to another tool or subject, but it can
     * read them, so remember nothing the client may not see (credentials, other users' data,
     * rows a policy hides). The binding does not cover the call's arguments: scope keys by what the
     * value depends on, so a state replayed with other arguments does not answer them.
     */
    public JsonNode remember(String key, Supplier<JsonNode> compute) {
        if (!caller.modern()) {
            return compute.get();
        }
        if (answers == null) {
            answers = Json.object();
        }
        JsonNode held = answers.get(REMEMBERED);
        ObjectNode remembered = held != null && held.isObject() ? (ObjectNode) held : answers.putObject(REMEMBERED);
        JsonNode known = remembered.get(key);
        if (known != null) {
            return known;
        }
        JsonNode value = compute.get();
        remembered.set(key, value);
        return value;
    }

    /** Waits for a modern subscription stream: sends a keep-alive, throwing once the client is gone. */
    void keepAlive() {
        channel.keepAlive();
    }

    void sendNotification(ObjectNode notification) {
        channel.notify(notification);
    }

    public ServerEvents events() {
        return server.events();
    }

    public <T> T attribute(Class<T> type) {
        return attributes.get(type);
    }

    /** Facts for whoever wraps this call (see {@link ToolInterceptor}); visible to it after the handler returns. */
    public <T> void setAttribute(Class<T> type, T value) {
        attributes.put(type, value);
    }

    Duration clientRequestTimeout() {
        return server.clientRequestTimeout();
    }

    private String binding() {
        return RequestStateCodec.binding(method, subjectName, caller.subject());
    }
}
