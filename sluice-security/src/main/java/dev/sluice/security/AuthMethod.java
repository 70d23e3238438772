package dev.sluice.security;

/** How a caller proved who it is. */
public enum AuthMethod {
    /** {@code auth:} absent: no authentication (loopback only). */
    NONE,
    /** An API key from {@code auth.api_keys} or the key file. */
    API_KEY,
    /** An OAuth 2.1 bearer JWT checked against the issuer's JWKS. */
    OAUTH
}
