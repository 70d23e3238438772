package dev.sluice.mcp.transport.http;

import org.eclipse.jetty.server.Request;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Decides whether a request to the MCP endpoint may go on, before its body is read: this is where
 * authentication and per-principal rate limits plug in. It is called on Jetty's selector thread,
 * so it must answer quickly; slow follow-up work for a refusal (writing the audit record) goes in
 * {@link Refused#beforeResponse}, which the transport runs on a virtual thread.
 */
@FunctionalInterface
public interface RequestGate {
    Admission admit(Request request);

    /** Lets every request through, unauthenticated. */
    static RequestGate open() {
        return request -> Admitted.ANONYMOUS;
    }

    sealed interface Admission permits Admitted, Refused {
    }

    /** Go on; {@code subject} and {@code principal} (opaque here) are attached to the caller. */
    record Admitted(String subject, Object principal) implements Admission {
        public static final Admitted ANONYMOUS = new Admitted(null, null);
    }

    /**
     * Answer with {@code status} and these extra headers (e.g. {@code WWW-Authenticate},
     * {@code Retry-After}); the body is a JSON-RPC error carrying {@code message}.
     */
    record Refused(int status, Map<String, String> headers, String message, Runnable beforeResponse) implements Admission {
        public Refused {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a refusal needs a 4xx or 5xx status, got " + status);
            }
            headers = Map.copyOf(requireNonNull(headers, "headers is null"));
            requireNonNull(message, "message is null");
            requireNonNull(beforeResponse, "beforeResponse is null");
        }
    }
}
