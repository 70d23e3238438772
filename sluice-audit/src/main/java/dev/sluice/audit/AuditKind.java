package dev.sluice.audit;

import java.util.Locale;

/** What an audit record is about. Stored and exported by {@link #wireName()}. */
public enum AuditKind {
    /** A {@code tools/call} that reached a tool (whatever its outcome). */
    TOOL_CALL,
    /** A request refused before any tool ran: authentication, authorisation, rate or size limits. */
    REFUSED_REQUEST,
    /** A {@code resources/read}. */
    RESOURCE_READ,
    /** A {@code prompts/get}. */
    PROMPT_GET;

    /** The stored name, e.g. {@code tool_call}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored name such as {@code tool_call}. */
    public static AuditKind fromWire(String name) {
        return Wire.parse(AuditKind.class, "kind", name);
    }
}
