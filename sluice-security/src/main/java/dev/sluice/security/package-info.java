/**
 * Who may call Sluice and what they may do: API keys stored hashed, OAuth 2.1 bearer JWTs checked
 * against an issuer's JWKS, the Protected Resource Metadata document, scope-based authorisation of
 * tools and sources, and per-principal rate limits. Transports ask this module for a verdict; tools
 * only ever see the resulting principal.
 */
package dev.sluice.security;
