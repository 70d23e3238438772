/**
 * The OAuth 2.1 resource server: bearer JWTs verified against the issuer's JWKS (found from
 * {@code jwks_uri}, a discovery URL, or the issuer's well-known metadata), cached and refetched on an
 * unknown {@code kid} at most once per {@code jwks_refresh_min_interval}. Only asymmetric algorithms
 * from an allowlist are accepted; issuer, audience, expiry, not-before and issued-at are checked
 * with a clock skew; scopes come from {@code scope}/{@code scp} and mapped roles.
 */
package dev.sluice.security.oauth;
