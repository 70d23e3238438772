package dev.sluice.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcCodec;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.Features;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.ModernMeta;
import dev.sluice.mcp.server.PendingRequests;
import dev.sluice.mcp.server.Session;
import dev.sluice.mcp.server.SessionManager;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MCP endpoint. Each POST is routed to the modern (2026-07-28, stateless) or the legacy
 * (session) path by the rules of the 2026 versioning page: a session id or an {@code initialize}
 * means legacy; per-request {@code _meta} or a modern version header means modern.
 */
public final class McpHttpHandler extends Handler.Abstract {
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    private static final Logger LOG = Logger.getLogger(McpHttpHandler.class.getName());

    private final McpServer server;
    private final HttpTransportConfig config;
    private final SessionManager sessions;
    private final OriginGuard guard;
    /** Server-to-client requests of stateless legacy callers, whose answers arrive on later POSTs. */
    private final PendingRequests statelessPending = new PendingRequests("sluice-");
    private final Function<String, Tool> toolLookup;
    private final KeepAliveTicker ticker;
    private final Clock clock;
    private static final String ADMISSION = "dev.sluice.mcp.admission";
    private volatile CallerDecorator decorator = (request, caller) -> caller;
    private volatile RequestGate gate = RequestGate.open();

    /** Lets an authentication layer attach the authenticated subject to the caller. */
    @FunctionalInterface
    public interface CallerDecorator {
        Caller decorate(Request request, Caller caller);
    }

    public McpHttpHandler(McpServer server, HttpTransportConfig config, Clock clock) {
        super(InvocationType.NON_BLOCKING);
        this.server = server;
        this.config = config;
        this.sessions = config.stateless() ? null
                : new SessionManager(clock, config.sessionIdle(), config.maxSessions(), server.hub());
        this.guard = new OriginGuard(config);
        this.clock = clock;
        this.ticker = new KeepAliveTicker(clock, java.time.Duration.ofSeconds(2));
        this.toolLookup = name -> {
            Features.ToolEntry entry = server.features().tool(name);
            return entry == null ? null : entry.tool();
        };
    }

    public void setCallerDecorator(CallerDecorator callerDecorator) {
        this.decorator = callerDecorator;
    }

    /** Installs authentication and rate limiting in front of every method on the endpoint. */
    public void setRequestGate(RequestGate requestGate) {
        this.gate = java.util.Objects.requireNonNull(requestGate, "requestGate is null");
    }

    /** Stops the keep-alive ticker; the server is shutting down. */
    public void shutdown() {
        ticker.close();
    }

    /** Legacy sessions, or empty when stateless. */
    public Optional<SessionManager> sessions() {
        return Optional.ofNullable(sessions);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!config.path().equals(Request.getPathInContext(request))) {
            return false;
        }
        HttpFields headers = request.getHeaders();
        String refusal = guard.refusal(headers.get(HttpHeader.HOST), headers.get(HttpHeader.ORIGIN));
        if (refusal != null) {
            sendError(request, response, callback, 403, null, new McpError(ErrorCodes.INVALID_REQUEST, "Forbidden: " + refusal));
            return true;
        }
        RequestGate.Admission admission = gate.admit(request);
        if (admission instanceof RequestGate.Refused refused) {
            Thread.ofVirtual().start(() -> refuse(request, response, callback, refused));
            return true;
        }
        request.setAttribute(ADMISSION, admission);
        switch (request.getMethod()) {
            case "POST" -> post(request, response, callback);
            case "GET" -> Thread.ofVirtual().start(() -> get(request, response, callback));
            case "DELETE" -> delete(request, response, callback);
            default -> {
                response.getHeaders().put(HttpHeader.ALLOW, config.stateless() ? "POST" : "POST, GET, DELETE");
                sendError(request, response, callback, 405, null, McpError.invalidRequest(request.getMethod() + " is not supported on the MCP endpoint"));
            }
        }
        return true;
    }

    private void refuse(Request request, Response response, Callback callback, RequestGate.Refused refused) {
        try {
            refused.beforeResponse().run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recording a refused request failed", e);
            sendError(request, response, callback, 503, null, McpError.internal("the server cannot record this request; try again"));
            return;
        }
        refused.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        sendError(request, response, callback, refused.status(), null, new McpError(ErrorCodes.INVALID_REQUEST, refused.message()));
    }

    private static RequestGate.Admitted admission(Request request) {
        return request.getAttribute(ADMISSION) instanceof RequestGate.Admitted a ? a : RequestGate.Admitted.ANONYMOUS;
    }

    /** The caller with the gate's principal attached, then whatever the decorator adds. */
    private Caller decorate(Request request, Caller caller) {
        RequestGate.Admitted admitted = admission(request);
        Caller withPrincipal = admitted.subject() == null ? caller : caller.withPrincipal(admitted.subject(), admitted.principal());
        return decorator.decorate(request, withPrincipal);
    }

    /**
     * Runs on Jetty's selector thread (the handler is non-blocking). A body that has fully arrived
     * is parsed right here; if more must be awaited, the rest of the work moves to a virtual thread.
     */
    private void post(Request request, Response response, Callback callback) {
        HttpFields headers = request.getHeaders();
        String contentType = headers.get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            sendError(request, response, callback, 415, null, McpError.invalidRequest("Content-Type must be application/json"));
            return;
        }
        AcceptHeader accept = AcceptHeader.parse(headers.get(HttpHeader.ACCEPT));
        if (!accept.json() && !accept.sse()) {
            sendError(request, response, callback, 406, null,
                    McpError.invalidRequest("Accept must include application/json and text/event-stream"));
            return;
        }
        if (request.getLength() > config.maxBodyBytes()) {
            tooLarge(response, callback);
            return;
        }
        BodyReader body = new BodyReader(request, config.maxBodyBytes());
        try {
            if (body.readAvailable()) {
                onBody(request, response, callback, accept, body, true);
                return;
            }
        } catch (IOException e) {
            sendError(response, callback, 400, null, McpError.parseError(shortMessage(e)));
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                body.readRemaining();
                onBody(request, response, callback, accept, body, false);
            } catch (IOException e) {
                sendError(response, callback, 400, null, McpError.parseError(shortMessage(e)));
            }
        });
    }

    private void onBody(Request request, Response response, Callback callback, AcceptHeader accept, BodyReader reader,
                        boolean onSelector) {
        if (reader.tooLarge()) {
            tooLarge(response, callback);
            return;
        }
        HttpFields headers = request.getHeaders();
        JsonNode body;
        try {
            body = Json.parse(reader.bytes());
        } catch (IOException e) {
            sendError(response, callback, 400, null, McpError.parseError(shortMessage(e)));
            return;
        }
        JsonRpcMessage message;
        try {
            message = JsonRpcCodec.decode(body);
        } catch (McpError e) {
            JsonNode id = body != null && body.isObject() ? body.get("id") : null;
            sendError(response, callback, 400, id != null && (id.isTextual() || id.isIntegralNumber()) ? id : null, e);
            return;
        }
        String sessionId = headers.get(SESSION_HEADER);
        String versionHeader = headers.get(VERSION_HEADER);
        if (isModern(message, sessionId, versionHeader)) {
            modern(request, response, callback, message, versionHeader, accept, onSelector);
        } else {
            legacy(request, response, callback, message, sessionId, versionHeader, accept, onSelector);
        }
    }

    private void tooLarge(Response response, Callback callback) {
        // the rest of the body is not read: the connection cannot be reused
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        sendError(response, callback, 413, null, McpError.invalidRequest(
                "request body exceeds the limit of " + config.maxBodyBytes() + " bytes"));
    }

    static boolean isModern(JsonRpcMessage message, String sessionId, String versionHeader) {
        if (sessionId != null) {
            return false;
        }
        ObjectNode params = switch (message) {
            case JsonRpcMessage.Request r -> r.params();
            case JsonRpcMessage.Notification n -> n.params();
            case JsonRpcMessage.Response r -> null;
        };
        if (params != null && params.path("_meta").has(ModernMeta.PROTOCOL_VERSION)) {
            return true;
        }
        if (message instanceof JsonRpcMessage.Request r && r.method().equals("initialize")
                && (versionHeader == null || ProtocolVersion.isLegacy(versionHeader))) {
            return false;
        }
        return versionHeader != null && !ProtocolVersion.isLegacy(versionHeader);
    }

    private void modern(Request request, Response response, Callback callback, JsonRpcMessage message,
                        String versionHeader, AcceptHeader accept, boolean onSelector) {
        if (message instanceof JsonRpcMessage.Notification) {
            accepted(response, callback, null);
            return;
        }
        if (!(message instanceof JsonRpcMessage.Request call)) {
            sendError(response, callback, 400, null, McpError.invalidRequest(
                    "responses are not accepted on " + ProtocolVersion.LATEST + "; input travels in inputResponses"));
            return;
        }
        Caller caller;
        try {
            caller = ModernMeta.caller(call.params(), versionHeader == null ? null : versionHeader.trim(), true);
            StandardHeaders.validate(request.getHeaders(), call, toolLookup);
            caller = decorate(request, caller);
        } catch (McpError e) {
            sendError(response, callback, modernStatus(e), call.id(), e);
            return;
        }
        dispatch(request, response, callback, call, caller, accept, null, null, true, onSelector);
    }

    private void legacy(Request request, Response response, Callback callback, JsonRpcMessage message,
                        String sessionId, String versionHeader, AcceptHeader accept, boolean onSelector) {
        if (versionHeader != null && !ProtocolVersion.isLegacy(versionHeader.trim())) {
            sendError(response, callback, 400, idOf(message), McpError.unsupportedVersion(versionHeader.trim(), ProtocolVersion.ALL));
            return;
        }
        // stateless servers ignore session ids, as the 2026 backward-compatibility rules say
        Optional<Session> found = sessionId == null || sessions == null ? Optional.empty()
                : sessions.find(sessionId).filter(s -> s.ownedBy(admission(request).subject()));
        if (sessionId != null && sessions != null && found.isEmpty()) {
            sendError(response, callback, 404, idOf(message), new McpError(ErrorCodes.SESSION_NOT_FOUND,
                    "Session not found: it expired or was deleted; send initialize again"));
            return;
        }
        Session session = found.orElse(null);
        PendingRequests pending = session != null ? session.pending() : statelessPending;
        switch (message) {
            case JsonRpcMessage.Response r -> {
                pending.complete(r);
                accepted(response, callback, sessionId);
            }
            case JsonRpcMessage.Notification n -> {
                if (session != null) {
                    LegacyNotifications.apply(n, session);
                }
                accepted(response, callback, sessionId);
            }
            case JsonRpcMessage.Request r when r.method().equals("initialize") && found.isEmpty() -> initialize(request, response, callback, r);
            case JsonRpcMessage.Request r -> {
                if (session == null && sessions != null) {
                    sendError(response, callback, 400, r.id(), McpError.invalidRequest(
                            "the Mcp-Session-Id header is required; send initialize first"));
                    return;
                }
                Caller caller = session != null ? session.caller() : statelessLegacyCaller(versionHeader);
                dispatch(request, response, callback, r, decorate(request, caller), accept,
                        session, pending, false, onSelector);
            }
        }
    }

    private void initialize(Request request, Response response, Callback callback, JsonRpcMessage.Request call) {
        try {
            McpServer.Initialization init = server.initialize(call.params(), sessions != null);
            String newSessionId = null;
            if (sessions != null) {
                Session session = sessions.create(init.protocolVersion(), init.clientInfo(), init.clientCapabilities());
                session.bindOwner(admission(request).subject());
                session.markInitialized();
                newSessionId = session.id();
                response.getHeaders().put(SESSION_HEADER, newSessionId);
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(JsonRpcCodec.result(call.id(), init.result())), callback);
        } catch (McpError e) {
            sendError(response, callback, e.code() == ErrorCodes.SERVER_BUSY ? 503 : 200, call.id(), e);
        }
    }

    private static Caller statelessLegacyCaller(String versionHeader) {
        String version = versionHeader == null ? ProtocolVersion.ASSUMED_WHEN_ABSENT : versionHeader.trim();
        return new Caller(version, false, null, Json.object(), null, null, null);
    }

    /**
     * Serves a request inline when it cannot block (we are still on the selector thread and the
     * method or tool is known to be quick), otherwise on a virtual thread of its own.
     */
    private void dispatch(Request request, Response response, Callback callback, JsonRpcMessage.Request call, Caller caller,
                          AcceptHeader accept, Session session, PendingRequests pending, boolean modern, boolean onSelector) {
        if (onSelector && server.completesInline(call)) {
            serve(request, response, callback, call, caller, accept, session, pending, modern, true);
        } else {
            Thread.ofVirtual().start(() -> serve(request, response, callback, call, caller, accept, session, pending, modern, false));
        }
    }

    private void serve(Request request, Response response, Callback callback, JsonRpcMessage.Request call, Caller caller,
                       AcceptHeader accept, Session session, PendingRequests pending, boolean modern, boolean inline) {
        HttpExchange exchange = new HttpExchange(request, response, callback, accept.sse(),
                session == null ? null : session.id(), modern ? null : pending, clock.millis(), inline);
        if (session != null) {
            session.inFlight().started(call.id(), exchange.cancellation());
        }
        if (!inline) {
            ticker.watch(exchange);
        }
        try {
            ObjectNode result = server.handle(call, caller, exchange);
            if (exchange.cancellation().isCancelled()) {
                exchange.abandon();
            } else {
                exchange.finish(JsonRpcCodec.result(call.id(), result), 200);
            }
        } catch (McpError e) {
            if (exchange.cancellation().isCancelled()) {
                exchange.abandon();
            } else {
                int status = e.httpStatus() != 0 ? e.httpStatus() : modern ? modernStatus(e) : 200;
                exchange.finish(JsonRpcCodec.error(call.id(), e), status, e.httpHeaders());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request " + call.method() + " failed", e);
            exchange.finish(JsonRpcCodec.error(call.id(), McpError.internal("the server failed while handling " + call.method())),
                    modern ? 500 : 200);
        } finally {
            ticker.forget(exchange);
            if (session != null) {
                session.inFlight().finished(call.id());
            }
        }
    }

    /** HTTP status of a modern error response, as the 2026-07-28 transport page assigns them. */
    static int modernStatus(McpError e) {
        return switch (e.code()) {
            case ErrorCodes.METHOD_NOT_FOUND -> 404;
            case ErrorCodes.INVALID_PARAMS, ErrorCodes.INVALID_REQUEST, ErrorCodes.PARSE_ERROR,
                 ErrorCodes.HEADER_MISMATCH, ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
                 ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION -> 400;
            case ErrorCodes.SERVER_BUSY -> 429;
            default -> 200;
        };
    }

    private void get(Request request, Response response, Callback callback) {
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        if (sessions == null || sessionId == null) {
            response.getHeaders().put(HttpHeader.ALLOW, sessions == null ? "POST" : "POST, GET, DELETE");
            sendError(response, callback, 405, null, McpError.invalidRequest(
                    "GET streams exist only for legacy sessions (send Mcp-Session-Id); use subscriptions/listen on " + ProtocolVersion.LATEST));
            return;
        }
        if (!AcceptHeader.parse(request.getHeaders().get(HttpHeader.ACCEPT)).sse()) {
            sendError(response, callback, 406, null, McpError.invalidRequest("Accept must include text/event-stream"));
            return;
        }
        Optional<Session> session = sessions.find(sessionId).filter(s -> s.ownedBy(admission(request).subject()));
        if (session.isEmpty()) {
            sendError(response, callback, 404, null, new McpError(ErrorCodes.SESSION_NOT_FOUND, "Session not found"));
            return;
        }
        SessionStream stream = new SessionStream(session.get());
        if (!session.get().attachStandaloneStream(stream)) {
            sendError(response, callback, 409, null, McpError.invalidRequest("this session already has an open GET stream"));
            return;
        }
        server.hub().add(stream);
        try {
            stream.run(request, response, callback, Duration.ofSeconds(15));
        } finally {
            server.hub().remove(stream);
            session.get().detachStandaloneStream(stream);
        }
    }

    private void delete(Request request, Response response, Callback callback) {
        String sessionId = request.getHeaders().get(SESSION_HEADER);
        if (sessions == null || sessionId == null) {
            response.getHeaders().put(HttpHeader.ALLOW, sessions == null ? "POST" : "POST, GET, DELETE");
            sendError(response, callback, 405, null, McpError.invalidRequest("DELETE ends a legacy session; send Mcp-Session-Id"));
            return;
        }
        boolean owned = sessions.find(sessionId).filter(s -> s.ownedBy(admission(request).subject())).isPresent();
        if (!owned || !sessions.delete(sessionId)) {
            sendError(response, callback, 404, null, new McpError(ErrorCodes.SESSION_NOT_FOUND, "Session not found"));
            return;
        }
        response.setStatus(204);
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    private static void accepted(Response response, Callback callback, String sessionId) {
        response.setStatus(202);
        if (sessionId != null) {
            response.getHeaders().put(SESSION_HEADER, sessionId);
        }
        response.write(true, ByteBuffer.allocate(0), callback);
    }

    /**
     * Discards the part of a request body that has already arrived, so an early error can leave
     * the connection usable. Returns false when more is still on its way: Jetty will then close
     * the connection, and the response must say so, or the client would reuse a dying connection.
     */
    private static boolean drainArrived(Request request) {
        if (request.getLength() == 0) {
            return true;
        }
        Content.Chunk chunk;
        while ((chunk = request.read()) != null) {
            chunk.release();
            if (Content.Chunk.isFailure(chunk)) {
                return false;
            }
            if (chunk.isLast()) {
                return true;
            }
        }
        return false;
    }

    private void sendError(Request request, Response response, Callback callback, int status, JsonNode id, McpError error) {
        if (!drainArrived(request)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        sendError(response, callback, status, id, error);
    }

    private static void sendError(Response response, Callback callback, int status, JsonNode id, McpError error) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(JsonRpcCodec.error(id, error)), callback);
    }

    private static JsonNode idOf(JsonRpcMessage message) {
        return message instanceof JsonRpcMessage.Request r ? r.id() : null;
    }

    private static String shortMessage(IOException e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return "the body is not valid JSON";
        }
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }
}
