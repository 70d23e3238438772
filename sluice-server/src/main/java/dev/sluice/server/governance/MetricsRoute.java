package dev.sluice.server.governance;

import dev.sluice.core.metrics.Metrics;
import dev.sluice.security.Security;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Prometheus metrics at {@code /metrics}. With authentication on, the scraper presents a
 * credential like any client and needs the scope {@value #SCOPE}; without it (loopback only) the
 * page is open.
 */
final class MetricsRoute extends Handler.Abstract {
    static final String PATH = "/metrics";
    static final String SCOPE = "metrics:read";
    private final Metrics metrics;
    private final Security security;

    MetricsRoute(Metrics metrics, Security security) {
        super(InvocationType.NON_BLOCKING);
        this.metrics = metrics;
        this.security = security;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (!request.getMethod().equals("GET")) {
            return text(response, callback, 405, "use GET\n");
        }
        var denial = RouteAccess.check(security, request, SCOPE, "metrics need the scope " + SCOPE);
        if (denial.isPresent()) {
            if (denial.get().wwwAuthenticate() != null) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, denial.get().wwwAuthenticate());
            }
            return text(response, callback, denial.get().status(), denial.get().message() + "\n");
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        return text(response, callback, 200, metrics.scrape());
    }

    private static boolean text(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        if (!response.getHeaders().contains(HttpHeader.CONTENT_TYPE)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
