package dev.sluice.server.governance;

import dev.sluice.security.ProtectedResourceMetadata;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Serves the RFC 9728 Protected Resource Metadata document, unauthenticated, at both well-known paths. */
final class MetadataRoute extends Handler.Abstract {
    private final ProtectedResourceMetadata metadata;
    private final byte[] body;

    MetadataRoute(ProtectedResourceMetadata metadata) {
        super(InvocationType.NON_BLOCKING);
        this.metadata = metadata;
        this.body = metadata.json().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!metadata.serves(Request.getPathInContext(request))) {
            return false;
        }
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setStatus(405);
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=300");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        response.write(true, ByteBuffer.wrap(request.getMethod().equals("HEAD") ? new byte[0] : body), callback);
        return true;
    }
}
