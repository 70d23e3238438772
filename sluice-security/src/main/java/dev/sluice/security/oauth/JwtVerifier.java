package dev.sluice.security.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.sluice.security.AuthMethod;
import dev.sluice.security.Claims;
import dev.sluice.security.CredentialCheck;
import dev.sluice.security.CredentialCheck.Rejected;
import dev.sluice.security.Principal;
import dev.sluice.security.RefusalReason;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Verifies OAuth 2.1 access tokens (JWS-signed JWTs) in this order, so a forged token learns
 * nothing about claims: parse; {@code alg} in the allowlist (never {@code none}, HS* or JWE);
 * {@code typ} absent, JWT or at+jwt; a key from the issuer's JWKS with the token's {@code kid},
 * matching type and use; signature; {@code iss}; audience; {@code exp} (required), {@code nbf},
 * {@code iat} with the clock skew; subject ({@code sub}, else {@code client_id}).
 * Scopes: {@code scopes_claim}, else {@code scope}, else {@code scp} (space-separated string or
 * array), plus {@code auth.roles} mappings of the values in {@code roles_claim}.
 */
public final class JwtVerifier {
    private static final Set<String> TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");
    private static final List<String> NAME_CLAIMS = List.of("name", "preferred_username", "email", "username", "client_id");

    private final OAuthSettings settings;
    private final Map<String, List<String>> roles;
    private final JwksSource keys;
    private final Clock clock;

    /**
     * @param roles   {@code auth.roles}: role or group name → scopes it grants
     * @param fetcher how discovery and JWKS documents are fetched ({@link HttpFetcher#withTimeout})
     */
    public JwtVerifier(OAuthSettings settings, Map<String, List<String>> roles, HttpFetcher fetcher, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.roles = Map.copyOf(requireNonNull(roles, "roles is null"));
        this.clock = requireNonNull(clock, "clock is null");
        this.keys = new JwksSource(settings, fetcher, clock);
    }

    /** Fetches the signing keys now (e.g. at start-up); returns the problem, or null when they are ready. */
    public String warmUp() {
        return keys.warmUp();
    }

    /** Discovery and JWKS fetches made so far. */
    public int fetchCount() {
        return keys.fetchCount();
    }

    /**
     * True for strings shaped like a JWS (three segments) or JWE (five) whose first segment is base64url
     * JSON with an {@code alg}: such bearer tokens go to OAuth, everything else to API keys.
     */
    public static boolean looksLikeJwt(String token) {
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_' && c != '=') {
                return false;
            }
        }
        if (dots != 2 && dots != 4) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
            return header.trim().startsWith("{") && header.contains("\"alg\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public CredentialCheck verify(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return reject(RefusalReason.MALFORMED, "the bearer token is not a well-formed JWT");
        }
        if (jwt instanceof PlainJWT) {
            return reject(RefusalReason.ALGORITHM_NOT_ALLOWED, "unsigned tokens (alg none) are not accepted");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            return reject(RefusalReason.ALGORITHM_NOT_ALLOWED, "encrypted tokens (JWE) are not accepted; send a signed access token");
        }
        JWSHeader header = signed.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!settings.algorithms().contains(alg.getName())) {
            return reject(RefusalReason.ALGORITHM_NOT_ALLOWED, "the token's algorithm is not accepted; accepted: "
                    + String.join(", ", settings.algorithms().stream().sorted().toList()));
        }
        JOSEObjectType typ = header.getType();
        if (typ != null && !TYPES.contains(typ.getType().toLowerCase(Locale.ROOT))) {
            return reject(RefusalReason.WRONG_TOKEN_TYPE, "the token's typ header must be JWT or at+jwt: send an access token, not an ID or logout token");
        }
        CredentialCheck signature = checkSignature(signed, header);
        if (signature != null) {
            return signature;
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
            return checkClaims(claims);
        } catch (ParseException e) {
            return reject(RefusalReason.MALFORMED, "the token's claims are not valid JSON of the expected types");
        }
    }

    private CredentialCheck checkSignature(SignedJWT signed, JWSHeader header) {
        String kid = header.getKeyID();
        JwksSource.Lookup lookup = keys.find(kid);
        if (lookup instanceof JwksSource.Lookup.Unavailable u) {
            return reject(RefusalReason.JWKS_UNAVAILABLE, "the issuer's signing keys cannot be fetched right now; try again shortly");
        }
        if (!(lookup instanceof JwksSource.Lookup.Found found)) {
            return reject(RefusalReason.UNKNOWN_KID, "the token was signed with a key the issuer does not publish"
                    + " (unknown kid); get a new token");
        }
        for (JWK key : found.keys()) {
            JWSVerifier verifier = verifierFor(key, header.getAlgorithm());
            try {
                if (verifier != null && signed.verify(verifier)) {
                    return null;
                }
            } catch (JOSEException | IllegalStateException e) {
                // try the next candidate key
            }
        }
        return reject(RefusalReason.BAD_SIGNATURE, "the token's signature does not verify with the issuer's keys");
    }

    private static JWSVerifier verifierFor(JWK key, JWSAlgorithm alg) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return null;
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(alg.getName())) {
            return null;
        }
        try {
            if (key instanceof RSAKey rsa && (JWSAlgorithm.Family.RSA.contains(alg))) {
                return new RSASSAVerifier(rsa);
            }
            if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)) {
                return new ECDSAVerifier(ec);
            }
        } catch (JOSEException e) {
            return null;
        }
        return null;
    }

    private CredentialCheck checkClaims(JWTClaimsSet claims) throws ParseException {
        if (!settings.issuer().equals(claims.getIssuer())) {
            return reject(RefusalReason.WRONG_ISSUER, "the token was not issued by " + settings.issuer() + " (auth.oauth.issuer)");
        }
        List<String> audience = "aud".equals(settings.audienceClaim())
                ? claims.getAudience() : Claims.strings(claims.getClaim(settings.audienceClaim()));
        if (!audience.contains(settings.audience())) {
            return reject(RefusalReason.WRONG_AUDIENCE, "the token is not meant for this server: its " + settings.audienceClaim()
                    + " claim does not contain " + settings.audience() + "; request a token for this resource");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return reject(RefusalReason.MISSING_CLAIM, "the token has no exp claim; access tokens must expire");
        }
        if (now.isAfter(exp.toInstant().plus(settings.clockSkew()))) {
            return reject(RefusalReason.EXPIRED, "the token expired at " + exp.toInstant() + "; get a new one from the issuer");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(settings.clockSkew()).isBefore(nbf.toInstant())) {
            return reject(RefusalReason.NOT_YET_VALID, "the token is not valid before " + nbf.toInstant()
                    + "; check the clocks of this server and the issuer");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && now.plus(settings.clockSkew()).isBefore(iat.toInstant())) {
            return reject(RefusalReason.NOT_YET_VALID, "the token claims to be issued in the future (" + iat.toInstant()
                    + "); check the clocks of this server and the issuer");
        }
        Map<String, Object> json = claims.toJSONObject();
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            subject = json.get("client_id") instanceof String s && !s.isBlank() ? s : null;
        }
        if (subject == null) {
            return reject(RefusalReason.MISSING_CLAIM, "the token has neither a sub nor a client_id claim");
        }
        return new CredentialCheck.Verified(new Principal(subject, AuthMethod.OAUTH, scopes(json), json, displayName(json, subject)));
    }

    private Set<String> scopes(Map<String, Object> claims) {
        Set<String> scopes = new java.util.TreeSet<>();
        if (settings.scopesClaim() != null) {
            scopes.addAll(Claims.strings(Claims.lookup(claims, settings.scopesClaim())));
        } else if (claims.get("scope") != null) {
            scopes.addAll(Claims.strings(claims.get("scope")));
        } else {
            scopes.addAll(Claims.strings(claims.get("scp")));
        }
        for (String role : Claims.strings(Claims.lookup(claims, settings.rolesClaim()))) {
            scopes.addAll(roles.getOrDefault(role, List.of()));
        }
        return scopes;
    }

    private static String displayName(Map<String, Object> claims, String subject) {
        for (String c : NAME_CLAIMS) {
            if (claims.get(c) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return subject;
    }

    private static Rejected reject(RefusalReason reason, String message) {
        return new Rejected(reason, message);
    }
}
