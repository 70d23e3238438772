package dev.sluice.security.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Fetches a small JSON document (discovery metadata, a JWKS). */
@FunctionalInterface
public interface HttpFetcher {
    /** Largest document accepted. */
    int MAX_BYTES = 1 << 20;

    /**
     * The body of a 200 response to {@code GET uri}.
     *
     * @throws IOException with a message fit for the log when the fetch fails, times out or is not 200
     */
    String get(URI uri) throws IOException;

    /** {@link HttpClient} with {@code timeout} for connecting and for the whole request; follows redirects except https → http. */
    static HttpFetcher withTimeout(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        return uri -> {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching " + uri, e);
            }
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
                }
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw new IOException("GET " + uri + " returned more than " + MAX_BYTES + " bytes");
                }
                return new String(body, StandardCharsets.UTF_8);
            }
        };
    }
}
