package dev.sluice.audit;

import java.util.Locale;

/** How a request ended. Stored and exported by {@link #wireName()}. */
public enum AuditStatus {
    OK,
    ERROR,
    REFUSED,
    CANCELLED,
    TIMEOUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    RATE_LIMITED;

    /** The stored name, e.g. {@code rate_limited}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored name such as {@code rate_limited}. */
    public static AuditStatus fromWire(String name) {
        return Wire.parse(AuditStatus.class, "status", name);
    }
}
