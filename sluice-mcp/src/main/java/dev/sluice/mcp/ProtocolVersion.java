package dev.sluice.mcp;

import java.util.List;

/**
 * The MCP revisions Sluice speaks. Legacy revisions open a session with {@code initialize};
 * modern revisions carry version, identity and capabilities on every request.
 */
public final class ProtocolVersion {
    public static final String V2025_03_26 = "2025-03-26";
    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_11_25 = "2025-11-25";
    public static final String V2026_07_28 = "2026-07-28";

    /** Newest first. */
    public static final List<String> LEGACY = List.of(V2025_11_25, V2025_06_18, V2025_03_26);
    public static final List<String> MODERN = List.of(V2026_07_28);
    public static final List<String> ALL = List.of(V2026_07_28, V2025_11_25, V2025_06_18, V2025_03_26);
    public static final String LATEST_LEGACY = V2025_11_25;
    public static final String LATEST = V2026_07_28;
    /** What a legacy request without an MCP-Protocol-Version header is taken to be (spec, 2025-06-18). */
    public static final String ASSUMED_WHEN_ABSENT = V2025_03_26;

    private ProtocolVersion() {
    }

    public static boolean isLegacy(String version) {
        return version != null && LEGACY.contains(version);
    }

    public static boolean isModern(String version) {
        return version != null && MODERN.contains(version);
    }

    /** Legacy negotiation: the client's version if we speak it, else our newest legacy revision. */
    public static String negotiateLegacy(String requested) {
        return isLegacy(requested) ? requested : LATEST_LEGACY;
    }

    /** True for revisions that know {@code structuredContent}, {@code outputSchema} and titles. */
    public static boolean hasStructuredContent(String version) {
        return !V2025_03_26.equals(version);
    }
}
