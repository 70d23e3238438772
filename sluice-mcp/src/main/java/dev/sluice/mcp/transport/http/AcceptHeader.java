package dev.sluice.mcp.transport.http;

import java.util.Locale;

/** Which of the two MCP response types a client accepts. A missing header accepts both. */
record AcceptHeader(boolean json, boolean sse) {
    static AcceptHeader parse(String header) {
        if (header == null || header.isBlank()) {
            return new AcceptHeader(true, true);
        }
        String h = header.toLowerCase(Locale.ROOT);
        boolean any = h.contains("*/*");
        return new AcceptHeader(any || h.contains("application/json") || h.contains("application/*"),
                any || h.contains("text/event-stream") || h.contains("text/*"));
    }
}
