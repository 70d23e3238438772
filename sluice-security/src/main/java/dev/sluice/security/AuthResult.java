package dev.sluice.security;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What {@link Authenticator#authenticate} decided about one HTTP request. */
public sealed interface AuthResult {

    /** Go on: run the request as {@code principal}. */
    record Authenticated(Principal principal) implements AuthResult {
        public Authenticated {
            requireNonNull(principal, "principal is null");
        }
    }

    /**
     * Stop: answer with {@code status} (401, 400, or 503 when the issuer's keys cannot be fetched),
     * the header {@code WWW-Authenticate: wwwAuthenticate}, and {@link #jsonBody()} as the body.
     *
     * @param status          HTTP status to send
     * @param wwwAuthenticate the exact {@code WWW-Authenticate} header value
     * @param error           the OAuth error code ({@code invalid_token}, {@code invalid_request}), or null
     *                        when the request simply carried no credential (RFC 6750 section 3.1)
     * @param message         for the caller and the log; never contains the credential
     * @param reason          short code for the audit log
     */
    record Refused(int status, String wwwAuthenticate, String error, String message, RefusalReason reason)
            implements AuthResult {
        public Refused {
            requireNonNull(wwwAuthenticate, "wwwAuthenticate is null");
            requireNonNull(message, "message is null");
            requireNonNull(reason, "reason is null");
            if (status != 400 && status != 401 && status != 503) {
                throw new IllegalArgumentException("status must be 400, 401 or 503, got " + status);
            }
        }

        /** {@code {"error": ..., "error_description": ...}} as a JSON string. */
        public String jsonBody() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("error", error == null ? "unauthorized" : error);
            body.put("error_description", message);
            return Json.write(body);
        }
    }
}
