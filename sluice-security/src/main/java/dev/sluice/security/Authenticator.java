package dev.sluice.security;

import dev.sluice.security.apikey.ApiKeyStore;
import dev.sluice.security.apikey.ApiKeyVerifier;
import dev.sluice.security.oauth.HttpFetcher;
import dev.sluice.security.oauth.JwtVerifier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Finds the caller's credential and verifies it. Places looked at: {@code Authorization: Bearer},
 * {@code X-API-Key}, and the {@code api_key} / {@code key} query parameters (API keys only, for
 * connector UIs that cannot set headers). A bearer shaped like a JWT goes to OAuth; anything else is
 * an API key. Refusals follow RFC 6750 and the MCP authorization spec: 401 with
 * {@code WWW-Authenticate: Bearer resource_metadata="…", scope="…"} (plus {@code error} and
 * {@code error_description} when a credential was present but bad), 400 {@code invalid_request} for a
 * JWT in the query string, a malformed header or conflicting credentials, 503 when the issuer's keys
 * cannot be fetched.
 */
public final class Authenticator {
    public static final List<String> QUERY_PARAMETERS = List.of("api_key", "key");
    private static final Pattern QUERY_SECRET = Pattern.compile("(?i)(^|&)(api_key|key)=[^&]*");

    private final AuthSettings settings;
    private final ApiKeyVerifier apiKeys;
    private final JwtVerifier jwt;
    private final ProtectedResourceMetadata metadata;

    /**
     * @param apiKeys  API key verifier, or null to accept none
     * @param jwt      OAuth verifier, or null when {@code auth.oauth} is absent
     * @param metadata the resource metadata named in challenges, or null
     */
    public Authenticator(AuthSettings settings, ApiKeyVerifier apiKeys, JwtVerifier jwt, ProtectedResourceMetadata metadata) {
        this.settings = requireNonNull(settings, "settings is null");
        this.apiKeys = apiKeys;
        this.jwt = jwt;
        this.metadata = metadata;
    }

    /** The authenticator {@code settings} describe: the key file opened, JWKS fetched over HTTP with its timeout. */
    public static Authenticator create(AuthSettings settings, Clock clock) {
        ApiKeyVerifier keys = new ApiKeyVerifier(settings.apiKeys(),
                new ApiKeyStore(settings.keyFile(), clock, new java.security.SecureRandom()));
        JwtVerifier jwt = settings.oauth() == null ? null
                : new JwtVerifier(settings.oauth(), settings.roles(), HttpFetcher.withTimeout(settings.oauth().httpTimeout()), clock);
        return new Authenticator(settings, keys, jwt, ProtectedResourceMetadata.from(settings));
    }

    /** The OAuth verifier, or null; lets the server warm the JWKS cache at start-up. */
    public JwtVerifier jwtVerifier() {
        return jwt;
    }

    public AuthResult authenticate(AuthRequest request) {
        requireNonNull(request, "request is null");
        if (!settings.enabled()) {
            return new AuthResult.Authenticated(Principal.anonymous());
        }
        Set<String> credentials = new LinkedHashSet<>();
        String bearer = null;
        for (String name : QUERY_PARAMETERS) {
            for (String value : request.queryParameters(name)) {
                if (JwtVerifier.looksLikeJwt(value.trim())) {
                    return badRequest(RefusalReason.TOKEN_IN_QUERY, "access tokens must not be sent in the URL (MCP"
                            + " authorization spec); send it in the header Authorization: Bearer <token>");
                }
                if (!value.isBlank()) {
                    credentials.add(value.trim());
                }
            }
        }
        List<String> authorization = request.headers("Authorization");
        if (authorization.size() > 1) {
            return badRequest(RefusalReason.MULTIPLE_CREDENTIALS, "send one Authorization header, not " + authorization.size());
        }
        if (authorization.size() == 1) {
            String value = authorization.get(0).trim();
            int space = value.indexOf(' ');
            String scheme = space < 0 ? value : value.substring(0, space);
            if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
                return unauthorized(null, RefusalReason.UNSUPPORTED_SCHEME,
                        "only the Bearer scheme is accepted: Authorization: Bearer <token or API key>");
            }
            bearer = space < 0 ? "" : value.substring(space + 1).trim();
            if (bearer.isEmpty() || bearer.chars().anyMatch(Character::isWhitespace)) {
                return badRequest(RefusalReason.MALFORMED, "the Authorization header must be 'Bearer <token>' with one token");
            }
            credentials.add(bearer);
        }
        for (String value : request.headers("X-API-Key")) {
            if (!value.isBlank()) {
                credentials.add(value.trim());
            }
        }
        if (credentials.isEmpty()) {
            return unauthorized(null, RefusalReason.MISSING_CREDENTIALS, "authentication is required: send"
                    + " Authorization: Bearer <token or API key>, or X-API-Key: <key>");
        }
        if (credentials.size() > 1) {
            return badRequest(RefusalReason.MULTIPLE_CREDENTIALS, "the request carries different credentials in several"
                    + " places; send exactly one");
        }
        String credential = credentials.iterator().next();
        CredentialCheck check = verify(credential, credential.equals(bearer));
        return switch (check) {
            case CredentialCheck.Verified v -> new AuthResult.Authenticated(v.principal());
            case CredentialCheck.Rejected r when r.reason() == RefusalReason.JWKS_UNAVAILABLE ->
                    new AuthResult.Refused(503, challenge(null, r.message()), null, r.message(), r.reason());
            case CredentialCheck.Rejected r -> unauthorized("invalid_token", r.reason(), r.message());
        };
    }

    private CredentialCheck verify(String credential, boolean fromBearer) {
        if (fromBearer && JwtVerifier.looksLikeJwt(credential)) {
            if (jwt == null) {
                return new CredentialCheck.Rejected(RefusalReason.OAUTH_NOT_CONFIGURED,
                        "this server does not accept OAuth tokens (auth.oauth is not configured); use an API key");
            }
            return jwt.verify(credential);
        }
        if (apiKeys == null) {
            return new CredentialCheck.Rejected(RefusalReason.MALFORMED, "the bearer token is not a JWT, and this server accepts no API keys");
        }
        return apiKeys.verify(credential);
    }

    private AuthResult.Refused unauthorized(String error, RefusalReason reason, String message) {
        return new AuthResult.Refused(401, challenge(error, error == null ? null : message), error, message, reason);
    }

    private AuthResult.Refused badRequest(RefusalReason reason, String message) {
        return new AuthResult.Refused(400, challenge("invalid_request", message), "invalid_request", message, reason);
    }

    private String challenge(String error, String description) {
        return BearerChallenge.bearer()
                .param("resource_metadata", metadata == null ? null : metadata.url())
                .scope(settings.scopesSupported())
                .param("error", error)
                .param("error_description", description)
                .toString();
    }

    /**
     * {@code rawQuery} with the values of {@code api_key} and {@code key} replaced by {@code REDACTED},
     * for access logs: the HTTP layer must never log a query string before passing it through this.
     */
    public static String redactQuery(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        return QUERY_SECRET.matcher(rawQuery).replaceAll("$1$2=REDACTED");
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!settings.enabled()) {
            parts.add("none");
        }
        if (apiKeys != null && settings.enabled()) {
            parts.add("api_keys");
        }
        if (jwt != null) {
            parts.add("oauth(" + settings.oauth().issuer() + ")");
        }
        return "Authenticator" + parts;
    }
}
