package dev.sluice.audit;

import java.util.Locale;

/** What the SQL guard decided; {@link #NONE} when no SQL was guarded. */
public enum GuardDecision {
    ALLOWED,
    REFUSED,
    NONE;

    /** The stored name, e.g. {@code allowed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored name such as {@code allowed}. */
    public static GuardDecision fromWire(String name) {
        return Wire.parse(GuardDecision.class, "guard decision", name);
    }
}
