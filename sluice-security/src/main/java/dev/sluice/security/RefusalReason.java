package dev.sluice.security;

import java.util.Locale;

/**
 * Why a request was refused, as a short stable code for the audit log and metrics
 * ({@link #code()}: the lower-case name, e.g. {@code expired}). Never shown with secrets.
 */
public enum RefusalReason {
    /** No credential anywhere the server looks. */
    MISSING_CREDENTIALS,
    /** An {@code Authorization} header with a scheme other than Bearer. */
    UNSUPPORTED_SCHEME,
    /** Credentials in more than one place that disagree. */
    MULTIPLE_CREDENTIALS,
    /** A JWT in the query string: the MCP spec forbids access tokens in URIs. */
    TOKEN_IN_QUERY,
    /** Not a well-formed credential (bad base64, bad JSON, empty bearer, bad claim types). */
    MALFORMED,
    /** A required claim ({@code exp}, {@code sub}) is absent. */
    MISSING_CLAIM,
    /** {@code typ} header is neither JWT nor at+jwt. */
    WRONG_TOKEN_TYPE,
    /** {@code alg} is none, symmetric (HS*), or not in {@code auth.oauth.algorithms}; or encrypted (JWE). */
    ALGORITHM_NOT_ALLOWED,
    /** No key in the issuer's JWKS has the token's {@code kid}, even after a refetch. */
    UNKNOWN_KID,
    /** The issuer's JWKS could not be fetched (network, status, bad document). */
    JWKS_UNAVAILABLE,
    /** The signature does not verify with the issuer's key. */
    BAD_SIGNATURE,
    /** {@code iss} differs from {@code auth.oauth.issuer}. */
    WRONG_ISSUER,
    /** The audience claim does not contain {@code auth.oauth.audience}. */
    WRONG_AUDIENCE,
    /** {@code exp} is in the past (beyond the clock skew). */
    EXPIRED,
    /** {@code nbf} or {@code iat} is in the future (beyond the clock skew). */
    NOT_YET_VALID,
    /** A JWT-shaped bearer token while {@code auth.oauth} is not configured. */
    OAUTH_NOT_CONFIGURED,
    /** An API key that matches no configured or stored key. */
    UNKNOWN_KEY,
    /** An API key that was revoked with {@code sluice keys revoke}. */
    REVOKED_KEY;

    /** The audit-log code, e.g. {@code revoked_key}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
