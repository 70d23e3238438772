package dev.sluice.llm.provider;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Turning HTTP statuses and transport exceptions into {@link LlmException}s, the same way for every kind. */
final class Failures {
    private static final int QUOTE_LIMIT = 300;

    private Failures() {
    }

    /** The kind for an HTTP error status. */
    static LlmException.Kind kindOf(int status) {
        return switch (status) {
            case 401, 403 -> LlmException.Kind.AUTH;
            case 408 -> LlmException.Kind.TIMEOUT;
            case 429 -> LlmException.Kind.RATE_LIMITED;
            default -> status >= 500 ? LlmException.Kind.UNAVAILABLE : LlmException.Kind.MALFORMED;
        };
    }

    static LlmException fromStatus(String provider, int status, String apiMessage, String retryAfterHeader,
                                   List<String> secrets) {
        LlmException.Kind kind = kindOf(status);
        String said = apiMessage == null || apiMessage.isBlank() ? "" : ": " + quote(apiMessage, secrets);
        String advice = switch (kind) {
            case AUTH -> "; check llm.api_key (or the AWS credentials) and that it may use this model";
            case RATE_LIMITED -> "; the provider is rate limiting this key, try again later or raise the limit";
            case UNAVAILABLE, TIMEOUT -> "; the provider is having trouble, try again later";
            default -> status == 404 ? "; check llm.model and llm.base_url" : "; check llm.model, llm.base_url and the request limits";
        };
        return new LlmException(kind, provider, "HTTP " + status + said + advice, retryAfter(retryAfterHeader), null);
    }

    /** A transport failure: timeouts are TIMEOUT, everything else (refused, reset, DNS) UNAVAILABLE. */
    static LlmException fromTransport(String provider, Throwable e, Duration timeout) {
        if (isTimeout(e)) {
            return new LlmException(LlmException.Kind.TIMEOUT, provider,
                    "no answer within " + describe(timeout) + " (llm.timeout); raise it or try a faster model", null, e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof ConnectException ? "cannot connect" : "connection failed";
        return new LlmException(LlmException.Kind.UNAVAILABLE, provider,
                what + " (" + root.getClass().getSimpleName() + "); check llm.base_url and that the server is running", null, e);
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")
                    || (t instanceof InterruptedIOException && "timeout".equalsIgnoreCase(t.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. Capped at ten minutes. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        try {
            double seconds = Double.parseDouble(h);
            return seconds < 0 ? null : cap(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : cap(d);
            } catch (java.time.format.DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static Duration cap(Duration d) {
        Duration max = Duration.ofMinutes(10);
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Text from a server, shortened and with every configured secret replaced. */
    static String quote(String text, List<String> secrets) {
        String s = text;
        for (String secret : secrets) {
            s = s.replace(secret, "(redacted)");
        }
        s = s.replaceAll("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}", "$1(redacted)")
                .replaceAll("\\b(sk|sk-ant|AKIA|ASIA)[A-Za-z0-9_-]{8,}", "(redacted)");
        return s.length() > QUOTE_LIMIT ? s.substring(0, QUOTE_LIMIT) + "…" : s;
    }

    static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
