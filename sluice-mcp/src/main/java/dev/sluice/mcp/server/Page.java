package dev.sluice.mcp.server;

import dev.sluice.mcp.McpError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Cursor pagination over a stable list: the cursor is an opaque encoded offset. */
record Page<T>(List<T> items, String nextCursor) {

    static <T> Page<T> of(List<T> all, String cursor, int pageSize) {
        int from = cursor == null ? 0 : decode(cursor, all.size());
        int to = Math.min(all.size(), from + pageSize);
        String next = to < all.size() ? encode(to) : null;
        return new Page<>(all.subList(from, to), next);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int decode(String cursor, int size) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith("o:")) {
                int offset = Integer.parseInt(text.substring(2));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw McpError.invalidParams("cursor is not one this server issued; list again without a cursor");
    }
}
