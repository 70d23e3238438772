package dev.sluice.security;

import static java.util.Objects.requireNonNull;

/** The verdict of one credential verifier (API keys or OAuth) before it becomes an HTTP answer. */
public sealed interface CredentialCheck {
    /** The credential is good. */
    record Verified(Principal principal) implements CredentialCheck {
        public Verified {
            requireNonNull(principal, "principal is null");
        }
    }

    /** The credential is bad; {@code message} says why without repeating the credential. */
    record Rejected(RefusalReason reason, String message) implements CredentialCheck {
        public Rejected {
            requireNonNull(reason, "reason is null");
            requireNonNull(message, "message is null");
        }
    }
}
