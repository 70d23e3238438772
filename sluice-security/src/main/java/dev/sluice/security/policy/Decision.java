package dev.sluice.security.policy;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** What {@link AccessPolicy#decide} allows. */
public sealed interface Decision {
    /** The call may go on. */
    record Allowed() implements Decision {
    }

    /**
     * The call needs scopes the caller lacks. Over HTTP: status 403 with header
     * {@code WWW-Authenticate: wwwAuthenticate}, so an OAuth client can step up (MCP authorization,
     * "Runtime Insufficient Scope Errors").
     *
     * @param missing  the required scopes the caller does not hold
     * @param required every scope the call needs (what the challenge's {@code scope} lists)
     * @param message  for the caller: what is missing and how to get it
     */
    record Forbidden(List<String> missing, List<String> required, String wwwAuthenticate, String message) implements Decision {
        public Forbidden {
            missing = List.copyOf(requireNonNull(missing, "missing is null"));
            required = List.copyOf(requireNonNull(required, "required is null"));
            requireNonNull(wwwAuthenticate, "wwwAuthenticate is null");
            requireNonNull(message, "message is null");
        }

        public int status() {
            return 403;
        }

        /** Audit-log reason code. */
        public String reason() {
            return "insufficient_scope";
        }
    }
}
