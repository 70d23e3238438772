package dev.sluice.security;

import dev.sluice.security.limit.RateDecision;
import dev.sluice.security.limit.RateLimiter;
import dev.sluice.security.policy.AccessPolicy;
import dev.sluice.security.policy.ClaimArguments;

import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * Everything the HTTP layer needs from this module, built once from {@code auth:}. Per request, in
 * order: serve {@link #metadata()} on its paths unauthenticated; {@link #authenticator()} →
 * 401/400/503 or a principal; {@link #rateLimit} → 429 or on; per tool call {@link #policy()} →
 * 403 or on; {@link #claimArguments()} fills arguments; {@code tools/list} filters with
 * {@link AccessPolicy#visible} and hides claim arguments.
 */
public final class Security {
    private static final RateDecision ALLOWED = new RateDecision.Allowed();
    private final AuthSettings settings;
    private final Authenticator authenticator;
    private final AccessPolicy policy;
    private final ClaimArguments claimArguments;
    private final RateLimiter rateLimiter;
    private final ProtectedResourceMetadata metadata;

    public Security(AuthSettings settings, Authenticator authenticator, AccessPolicy policy, ClaimArguments claimArguments,
                    RateLimiter rateLimiter, ProtectedResourceMetadata metadata) {
        this.settings = requireNonNull(settings, "settings is null");
        this.authenticator = requireNonNull(authenticator, "authenticator is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.claimArguments = requireNonNull(claimArguments, "claimArguments is null");
        this.rateLimiter = rateLimiter;
        this.metadata = metadata;
    }

    /** Builds every part from {@code settings} with {@code clock}. */
    public static Security create(AuthSettings settings, Clock clock) {
        ProtectedResourceMetadata metadata = ProtectedResourceMetadata.from(settings);
        return new Security(settings, Authenticator.create(settings, clock),
                new AccessPolicy(settings.toolScopes(), settings.sourceScopes(), metadata == null ? null : metadata.url()),
                new ClaimArguments(settings.claimArguments()),
                settings.rateLimit() == null ? null : new RateLimiter(settings.rateLimit(), clock),
                metadata);
    }

    public AuthSettings settings() {
        return settings;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public AccessPolicy policy() {
        return policy;
    }

    public ClaimArguments claimArguments() {
        return claimArguments;
    }

    /** The metadata document, or null when {@code auth.resource} is not configured (serve 404 then). */
    public ProtectedResourceMetadata metadata() {
        return metadata;
    }

    /** Counts one request against {@code principal}'s rate limit; always allowed without {@code auth.rate_limit}. */
    public RateDecision rateLimit(Principal principal) {
        return rateLimiter == null ? ALLOWED : rateLimiter.acquire(principal.subject());
    }
}
