package dev.sluice.security;

/** The syntax of a scope token (RFC 6749 section 3.3): printable ASCII without space, {@code "} or {@code \}. */
public final class Scopes {
    private Scopes() {
    }

    public static boolean valid(String scope) {
        if (scope == null || scope.isEmpty()) {
            return false;
        }
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
