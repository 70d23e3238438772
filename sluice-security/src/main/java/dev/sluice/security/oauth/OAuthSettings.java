package dev.sluice.security.oauth;

import dev.sluice.core.config.ConfigNode;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@code auth.oauth}: which issuer's tokens this server accepts and how to read them.
 *
 * @param issuer                  exact {@code iss} value
 * @param audience                value that the audience claim must contain (RFC 8707: this server)
 * @param audienceClaim           claim holding the audience: {@code aud} (default), or e.g. {@code client_id} for Cognito access tokens
 * @param jwksUri                 JWKS location, or null to discover it
 * @param discoveryUrl            metadata document to read {@code jwks_uri} from, or null for the issuer's well-known documents
 * @param algorithms              accepted {@code alg} values (asymmetric only)
 * @param clockSkew               tolerance for {@code exp}, {@code nbf}, {@code iat}
 * @param scopesClaim             claim with scopes, or null for {@code scope} then {@code scp}
 * @param rolesClaim              claim with roles or groups, mapped to scopes by {@code auth.roles}
 * @param jwksRefreshMinInterval  least time between two fetches caused by unknown key ids
 * @param jwksMaxAge              how long fetched keys are used before they are fetched again
 * @param httpTimeout             connect and request timeout for discovery and JWKS fetches
 */
public record OAuthSettings(String issuer, String audience, String audienceClaim, URI jwksUri, URI discoveryUrl,
                            Set<String> algorithms, Duration clockSkew, String scopesClaim, String rolesClaim,
                            Duration jwksRefreshMinInterval, Duration jwksMaxAge, Duration httpTimeout) {
    /** Accepted when {@code algorithms} is not set. */
    public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256", "RS384", "RS512", "PS256", "ES256", "ES384");
    /** Every algorithm that may be configured: the asymmetric JWS algorithms Nimbus verifies without extra libraries. */
    public static final Set<String> SUPPORTED_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512");
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REFRESH_MIN_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_JWKS_MAX_AGE = Duration.ofHours(1);
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(5);

    public OAuthSettings {
        requireNonNull(issuer, "issuer is null");
        requireNonNull(audience, "audience is null");
        requireNonNull(audienceClaim, "audienceClaim is null");
        algorithms = Set.copyOf(requireNonNull(algorithms, "algorithms is null"));
        requireNonNull(clockSkew, "clockSkew is null");
        requireNonNull(rolesClaim, "rolesClaim is null");
        requireNonNull(jwksRefreshMinInterval, "jwksRefreshMinInterval is null");
        requireNonNull(jwksMaxAge, "jwksMaxAge is null");
        requireNonNull(httpTimeout, "httpTimeout is null");
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("algorithms is empty");
        }
    }

    /** Settings with every default, for tests and programmatic use. */
    public static OAuthSettings of(String issuer, String audience, URI jwksUri) {
        return new OAuthSettings(issuer, audience, "aud", jwksUri, null, Set.copyOf(DEFAULT_ALGORITHMS), DEFAULT_CLOCK_SKEW,
                null, "roles", DEFAULT_REFRESH_MIN_INTERVAL, DEFAULT_JWKS_MAX_AGE, DEFAULT_HTTP_TIMEOUT);
    }

    public OAuthSettings withAlgorithms(Set<String> algs) {
        return new OAuthSettings(issuer, audience, audienceClaim, jwksUri, discoveryUrl, algs, clockSkew, scopesClaim, rolesClaim,
                jwksRefreshMinInterval, jwksMaxAge, httpTimeout);
    }

    public OAuthSettings withDiscovery(URI newJwksUri, URI newDiscoveryUrl) {
        return new OAuthSettings(issuer, audience, audienceClaim, newJwksUri, newDiscoveryUrl, algorithms, clockSkew, scopesClaim,
                rolesClaim, jwksRefreshMinInterval, jwksMaxAge, httpTimeout);
    }

    public OAuthSettings withClaims(String newAudienceClaim, String newScopesClaim, String newRolesClaim) {
        return new OAuthSettings(issuer, audience, newAudienceClaim, jwksUri, discoveryUrl, algorithms, clockSkew, newScopesClaim,
                newRolesClaim, jwksRefreshMinInterval, jwksMaxAge, httpTimeout);
    }

    /** Reads {@code auth.oauth}; every mistake names file, line and key. */
    public static OAuthSettings read(ConfigNode n) {
        String issuer = url(n, "issuer", true);
        String audience = n.string("audience", null);
        if (audience == null || audience.isBlank()) {
            throw n.error("audience", "is required: the value your issuer puts in access tokens for this server"
                    + " (usually its public /mcp URL, an API identifier, or for Cognito the app client id with audience_claim: client_id)");
        }
        String audienceClaim = claimName(n, "audience_claim", "aud");
        String jwks = url(n, "jwks_uri", false);
        String discovery = url(n, "discovery_url", false);
        if (jwks != null && discovery != null) {
            throw n.error("discovery_url", "set either jwks_uri or discovery_url, not both");
        }
        Set<String> algorithms = new LinkedHashSet<>();
        List<String> configured = n.has("algorithms") ? n.strings("algorithms") : DEFAULT_ALGORITHMS;
        for (String a : configured) {
            String alg = a.trim().toUpperCase(Locale.ROOT);
            if (alg.startsWith("HS") || alg.equals("NONE")) {
                throw n.error("algorithms", "'" + a + "' is refused: a resource server verifies tokens with the issuer's"
                        + " public keys, so only asymmetric algorithms are allowed (" + String.join(", ", sorted()) + ")");
            }
            if (!SUPPORTED_ALGORITHMS.contains(alg)) {
                throw n.error("algorithms", "'" + a + "' is not supported; use some of " + String.join(", ", sorted()));
            }
            algorithms.add(alg);
        }
        if (algorithms.isEmpty()) {
            throw n.error("algorithms", "must name at least one algorithm, e.g. [RS256]");
        }
        Duration skew = n.duration("clock_skew", DEFAULT_CLOCK_SKEW);
        if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw n.error("clock_skew", "must be between 0s and 10m, got " + skew.toSeconds() + "s");
        }
        String scopesClaim = claimName(n, "scopes_claim", null);
        String rolesClaim = claimName(n, "roles_claim", "roles");
        Duration minInterval = n.duration("jwks_refresh_min_interval", DEFAULT_REFRESH_MIN_INTERVAL);
        if (minInterval.isNegative()) {
            throw n.error("jwks_refresh_min_interval", "must not be negative");
        }
        Duration maxAge = n.duration("jwks_max_age", DEFAULT_JWKS_MAX_AGE);
        if (maxAge.compareTo(Duration.ofMinutes(1)) < 0) {
            throw n.error("jwks_max_age", "must be at least 1m, got " + maxAge.toMillis() + "ms");
        }
        Duration timeout = n.duration("http_timeout", DEFAULT_HTTP_TIMEOUT);
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw n.error("http_timeout", "must be between 100ms and 1m, got " + timeout.toMillis() + "ms");
        }
        n.rejectUnknownKeys();
        return new OAuthSettings(issuer, audience, audienceClaim, jwks == null ? null : URI.create(jwks),
                discovery == null ? null : URI.create(discovery), algorithms, skew, scopesClaim, rolesClaim, minInterval, maxAge,
                timeout);
    }

    private static List<String> sorted() {
        return SUPPORTED_ALGORITHMS.stream().sorted().toList();
    }

    private static String url(ConfigNode n, String key, boolean required) {
        String value = n.string(key, null);
        if (value == null || value.isBlank()) {
            if (required) {
                throw n.error(key, "is required: the issuer URL exactly as it appears in the tokens' iss claim");
            }
            return null;
        }
        String problem = Urls.problem(value.trim());
        if (problem != null) {
            throw n.error(key, problem);
        }
        return value.trim();
    }

    private static String claimName(ConfigNode n, String key, String defaultValue) {
        String value = n.string(key, defaultValue);
        if (value != null && value.isBlank()) {
            throw n.error(key, "must be a claim name such as " + (defaultValue == null ? "scope" : defaultValue));
        }
        return value;
    }
}
