package dev.sluice.server.governance;

import dev.sluice.audit.AuditIds;
import dev.sluice.audit.AuditKind;
import dev.sluice.audit.AuditLog;
import dev.sluice.audit.AuditRecord;
import dev.sluice.audit.AuditStatus;
import dev.sluice.mcp.transport.http.RequestGate;
import dev.sluice.security.AuthRequest;
import dev.sluice.security.AuthResult;
import dev.sluice.security.Principal;
import dev.sluice.security.Security;
import dev.sluice.security.limit.RateDecision;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Authentication and the per-principal rate limit in front of {@code /mcp}. Runs on Jetty's
 * selector thread (API keys and cached JWKS answer in microseconds); a refusal's audit record is
 * written by the transport on a virtual thread before the 401/403/429 goes out.
 */
final class AuthGate implements RequestGate {
    private final Security security;
    private final AuditLog audit;
    private final AuditIds ids;
    private final Clock clock;
    private final GovernanceMetrics metrics;

    AuthGate(Security security, AuditLog audit, AuditIds ids, Clock clock, GovernanceMetrics metrics) {
        this.security = requireNonNull(security, "security is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    @Override
    public Admission admit(Request request) {
        Instant time = clock.instant();
        AuthResult result = security.authenticator().authenticate(authRequest(request));
        switch (result) {
            case AuthResult.Refused refused -> {
                metrics.authFailure(refused.reason().code());
                AuditRecord record = refusal(request, time, null, AuditStatus.UNAUTHENTICATED, refused.status(),
                        refused.reason().code() + ": " + refused.message());
                return new Refused(refused.status(), Map.of("WWW-Authenticate", refused.wwwAuthenticate()), refused.message(),
                        () -> audit.append(record));
            }
            case AuthResult.Authenticated authenticated -> {
                Principal principal = authenticated.principal();
                if (security.rateLimit(principal) instanceof RateDecision.Limited limited) {
                    metrics.rateLimited();
                    String message = "Too many requests for " + principal.displayName() + "; retry after " + limited.retryAfterSeconds() + " s";
                    AuditRecord record = refusal(request, time, principal, AuditStatus.RATE_LIMITED, 429, message);
                    return new Refused(429, Map.of("Retry-After", Long.toString(limited.retryAfterSeconds())), message,
                            () -> audit.append(record));
                }
                return new Admitted(principal.subject(), principal);
            }
        }
    }

    private AuditRecord refusal(Request request, Instant time, Principal principal, AuditStatus status, int httpStatus, String error) {
        return AuditRecord.builder(ids.next(time), time, AuditKind.REFUSED_REQUEST)
                .principal(principal == null ? null : principal.subject())
                .authMethod(principal == null ? null : principal.method().name().toLowerCase(Locale.ROOT))
                .remoteAddress(Request.getRemoteAddr(request))
                .sessionId(request.getHeaders().get("Mcp-Session-Id"))
                .tool(request.getHeaders().get("Mcp-Name"))
                .status(status)
                .httpStatus(httpStatus)
                .error(error)
                .build();
    }

    /** The headers and (decoded) query parameters of a Jetty request, as the authenticator reads them. */
    static AuthRequest authRequest(Request request) {
        HttpFields headers = request.getHeaders();
        String query = request.getHttpURI().getQuery();
        return new AuthRequest() {
            private Fields parameters;

            @Override
            public List<String> headers(String name) {
                return headers.getValuesList(name);
            }

            @Override
            public List<String> queryParameters(String name) {
                if (query == null) {
                    return List.of();
                }
                if (parameters == null) {
                    parameters = Request.extractQueryParameters(request);
                }
                List<String> values = parameters.getValues(name);
                return values == null ? List.of() : values;
            }
        };
    }
}
