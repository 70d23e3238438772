package dev.sluice.server.governance;

import dev.sluice.audit.AuditJson;
import dev.sluice.audit.AuditLog;
import dev.sluice.audit.AuditQuery;
import dev.sluice.audit.AuditRecord;
import dev.sluice.security.Security;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/audit}: audit records as JSON for the console, newest first. Filters are query
 * parameters ({@code principal, tool, status, source, kind, text, from, to, limit}). With
 * authentication on, the caller needs the scope {@value #SCOPE}; reading is itself not audited.
 */
final class AuditRoute extends Handler.Abstract {
    static final String PATH = "/api/audit";
    static final String SCOPE = "audit:read";
    private static final int MAX_LIMIT = 1000;
    private final AuditLog audit;
    private final Security security;

    AuditRoute(AuditLog audit, Security security) {
        // non-blocking like the MCP handler, so the handler chain stays non-blocking; the read runs on a virtual thread
        super(InvocationType.NON_BLOCKING);
        this.audit = audit;
        this.security = security;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        Thread.ofVirtual().start(() -> serve(request, response, callback));
        return true;
    }

    private void serve(Request request, Response response, Callback callback) {
        if (!request.getMethod().equals("GET")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            json(response, callback, 405, error("use GET"));
            return;
        }
        var denial = RouteAccess.check(security, request, SCOPE, "reading the audit log needs the scope " + SCOPE);
        if (denial.isPresent()) {
            RouteAccess.Denial d = denial.get();
            if (d.wwwAuthenticate() != null) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, d.wwwAuthenticate());
            }
            json(response, callback, d.status(), d.refusal() != null ? d.refusal().jsonBody() : error(d.message()));
            return;
        }
        AuditQuery query;
        try {
            query = query(Request.extractQueryParameters(request));
        } catch (IllegalArgumentException e) {
            json(response, callback, 400, error(e.getMessage()));
            return;
        }
        List<AuditRecord> records = audit.search(query);
        StringBuilder body = new StringBuilder(256 + records.size() * 512).append("{\"records\":[");
        for (int i = 0; i < records.size(); i++) {
            body.append(i == 0 ? "" : ",").append(AuditJson.toJson(records.get(i)));
        }
        body.append("],\"count\":").append(records.size()).append('}');
        json(response, callback, 200, body.toString());
    }

    static AuditQuery query(Fields parameters) {
        AuditQuery q = AuditQuery.all();
        for (Fields.Field field : parameters) {
            String value = field.getValue();
            q = switch (field.getName()) {
                case "from" -> q.withFrom(instant("from", value));
                case "to" -> q.withTo(instant("to", value));
                case "limit" -> q.withLimit(limit(value));
                default -> AuditFilters.narrow(q, field.getName(), value).orElseThrow(() -> new IllegalArgumentException(
                        "unknown filter '" + field.getName() + "'; use principal, tool, status, source, kind, text, from, to or limit"));
            };
        }
        return q;
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-21T09:00:00Z, got " + value);
        }
    }

    private static int limit(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message
        }
        throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + value);
    }

    private static String error(String message) {
        return "{\"error\":" + dev.sluice.mcp.Json.text(dev.sluice.mcp.Json.MAPPER.getNodeFactory().textNode(message)) + "}";
    }

    private static void json(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
