package dev.sluice.server.governance;

import dev.sluice.security.AuthResult;
import dev.sluice.security.Security;
import org.eclipse.jetty.server.Request;

import java.util.Optional;

/**
 * Who may read a governance route ({@code /metrics}, {@code /api/audit}): anyone when
 * authentication is off (loopback only), otherwise a caller whose credential holds the route's scope.
 */
final class RouteAccess {
    private RouteAccess() {
    }

    /**
     * Why the caller may not read the route: 401/400/503 from authentication (with its
     * {@code WWW-Authenticate} challenge and OAuth error body) or 403 for a missing scope.
     */
    record Denial(int status, String wwwAuthenticate, String message, AuthResult.Refused refusal) {
    }

    static Optional<Denial> check(Security security, Request request, String scope, String forbiddenMessage) {
        if (!security.settings().enabled()) {
            return Optional.empty();
        }
        return switch (security.authenticator().authenticate(AuthGate.authRequest(request))) {
            case AuthResult.Refused refused -> Optional.of(new Denial(refused.status(), refused.wwwAuthenticate(), refused.message(), refused));
            case AuthResult.Authenticated authenticated -> authenticated.principal().hasScope(scope) ? Optional.empty()
                    : Optional.of(new Denial(403, null, forbiddenMessage, null));
        };
    }
}
