package dev.sluice.llm.provider;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A completion that did not happen. The message says what went wrong and what to do; it never
 * contains an API key or other credential (providers build their own messages rather than pass on
 * what a server or SDK said verbatim, and scrub configured secrets from anything quoted).
 */
public final class LlmException extends RuntimeException {
    /** What kind of failure: decides retries and how a tool reports it. */
    public enum Kind {
        /** Connection refused or reset, 5xx, overloaded: worth retrying. */
        UNAVAILABLE(true),
        /** 429 or a throttling error: retried after Retry-After. */
        RATE_LIMITED(true),
        /** No answer within {@code llm.timeout}. */
        TIMEOUT(true),
        /** The model, the provider's safety layer, or the user (sampling) declined. */
        REFUSED(false),
        /** The answer was not what the wire format promises (bad JSON, no text), or our request was rejected as invalid. */
        MALFORMED(false),
        /** Missing, wrong or insufficient credentials (401/403). */
        AUTH(false),
        /** No model to ask: {@code llm.provider} is {@code none}, or sampling without a client that offers it. */
        NOT_CONFIGURED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final String provider;
    private final Duration retryAfter;

    public LlmException(Kind kind, String provider, String message) {
        this(kind, provider, message, null, null);
    }

    public LlmException(Kind kind, String provider, String message, Duration retryAfter, Throwable cause) {
        super(provider + ": " + message, cause);
        this.kind = requireNonNull(kind, "kind is null");
        this.provider = requireNonNull(provider, "provider is null");
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The provider kind that failed ({@code anthropic}, {@code sampling}, …). */
    public String provider() {
        return provider;
    }

    /** How long the server asked us to wait before trying again (Retry-After), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The same failure with more said about it (e.g. how many attempts were made). */
    LlmException withNote(String note) {
        String bare = getMessage().substring(provider.length() + 2);
        LlmException e = new LlmException(kind, provider, bare + " " + note, retryAfter, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
