package dev.sluice.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.sluice.core.config.ConfigLoader;
import dev.sluice.mcp.FakeClock;
import dev.sluice.security.policy.AccessPolicy;
import dev.sluice.security.policy.Decision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The attack matrix against a real local issuer (discovery + JWKS over HTTP, real RSA and EC signatures). */
class AuthenticatorOAuthTest {
    static final String RESOURCE = "https://sluice.example/mcp";
    static final String PRM = "https://sluice.example/.well-known/oauth-protected-resource/mcp";
    static LocalIssuer issuer;

    @TempDir
    Path dir;
    FakeClock clock;
    Authenticator auth;
    Instant now;

    @BeforeAll
    static void startIssuer() throws Exception {
        issuer = new LocalIssuer();
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @BeforeEach
    void setUp() {
        clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));
        now = clock.instant();
        issuer.jwksDown(false);
        auth = authenticator("""
                auth:
                  resource: %s
                  key_file: %s
                  oauth:
                    issuer: %s
                    audience: %s
                """.formatted(RESOURCE, dir.resolve("keys.json"), issuer.issuer(), RESOURCE));
    }

    Authenticator authenticator(String yaml) {
        AuthSettings settings = AuthSettings.read(ConfigLoader.parse("sluice.yaml", yaml, Map.of()).auth());
        return Authenticator.create(settings, clock);
    }

    AuthResult bearer(String token) {
        return auth.authenticate(AuthRequest.of(Map.of("Authorization", List.of("Bearer " + token)), Map.of()));
    }

    JWTClaimsSet.Builder claims() {
        return issuer.claims(now, RESOURCE);
    }

    static AuthResult.Refused refused(AuthResult r) {
        assertThat(r).isInstanceOf(AuthResult.Refused.class);
        return (AuthResult.Refused) r;
    }

    static void assertInvalidToken(AuthResult r, RefusalReason reason) {
        AuthResult.Refused refused = refused(r);
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.error()).isEqualTo("invalid_token");
        assertThat(refused.wwwAuthenticate()).startsWith("Bearer resource_metadata=\"" + PRM + "\", scope=\"sql:read\", "
                + "error=\"invalid_token\", error_description=\"");
        assertThat(refused.jsonBody()).contains("\"error\":\"invalid_token\"");
    }

    @Test
    void rsaSignedToken_authenticatesWithScopesAndClaims() throws Exception {
        AuthResult r = bearer(issuer.signRsa(claims().build()));

        assertThat(r).isInstanceOf(AuthResult.Authenticated.class);
        Principal p = ((AuthResult.Authenticated) r).principal();
        assertThat(p.subject()).isEqualTo("user-42");
        assertThat(p.method()).isEqualTo(AuthMethod.OAUTH);
        assertThat(p.scopes()).containsExactly("sql:read");
        assertThat(p.displayName()).isEqualTo("Ada");
        assertThat(p.claim("iss")).contains(issuer.issuer());
        assertThat(issuer.hits("discovery")).isPositive();
    }

    @Test
    void ecSignedToken_authenticates() throws Exception {
        assertThat(bearer(issuer.signEc(claims().build()))).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void bearerScheme_isCaseInsensitive() throws Exception {
        AuthResult r = auth.authenticate(AuthRequest.of(Map.of("authorization", List.of("bearer " + issuer.signRsa(claims().build()))),
                Map.of()));
        assertThat(r).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void expiredToken_isRefusedAsExpired() throws Exception {
        String token = issuer.signRsa(claims().issueTime(Date.from(now.minusSeconds(900))).notBeforeTime(null)
                .expirationTime(Date.from(now.minusSeconds(61))).build());
        assertInvalidToken(bearer(token), RefusalReason.EXPIRED);
    }

    @Test
    void tokenExpiredWithinClockSkew_isAccepted() throws Exception {
        String token = issuer.signRsa(claims().expirationTime(Date.from(now.minusSeconds(59))).build());
        assertThat(bearer(token)).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void notYetValidToken_isRefused() throws Exception {
        String token = issuer.signRsa(claims().notBeforeTime(Date.from(now.plusSeconds(120))).build());
        assertInvalidToken(bearer(token), RefusalReason.NOT_YET_VALID);
    }

    @Test
    void tokenIssuedInTheFuture_isRefused() throws Exception {
        String token = issuer.signRsa(claims().notBeforeTime(null).issueTime(Date.from(now.plusSeconds(600))).build());
        assertInvalidToken(bearer(token), RefusalReason.NOT_YET_VALID);
    }

    @Test
    void tokenWithoutExpiry_isRefused() throws Exception {
        assertInvalidToken(bearer(issuer.signRsa(claims().expirationTime(null).build())), RefusalReason.MISSING_CLAIM);
    }

    @Test
    void wrongIssuer_isRefused() throws Exception {
        assertInvalidToken(bearer(issuer.signRsa(claims().issuer("https://evil.example").build())), RefusalReason.WRONG_ISSUER);
    }

    @Test
    void wrongAudience_isRefused() throws Exception {
        assertInvalidToken(bearer(issuer.signRsa(claims().audience("https://other.example/mcp").build())),
                RefusalReason.WRONG_AUDIENCE);
    }

    @Test
    void audienceList_containingThisServer_isAccepted() throws Exception {
        String token = issuer.signRsa(claims().audience(List.of("https://other.example", RESOURCE)).build());
        assertThat(bearer(token)).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void algNone_isRefusedWithoutFetchingKeys() {
        int before = issuer.hits("jwks");
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + issuer.issuer() + "\",\"sub\":\"admin\",\"aud\":\"" + RESOURCE
                + "\",\"exp\":" + (now.getEpochSecond() + 300) + ",\"scope\":\"*\"}");

        assertInvalidToken(bearer(header + "." + payload + "."), RefusalReason.ALGORITHM_NOT_ALLOWED);
        assertThat(issuer.hits("jwks")).isEqualTo(before);
    }

    @Test
    void hs256SignedWithThePublicKeyBytes_isRefused() throws Exception {
        byte[] publicKeyBytes = issuer.rsa.toRSAPublicKey().getEncoded();
        String token = LocalIssuer.sign(new MACSigner(publicKeyBytes),
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuer.rsa.getKeyID()).build(), claims().claim("scope", "*").build());

        assertInvalidToken(bearer(token), RefusalReason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void tamperedPayload_isRefusedAsBadSignature() throws Exception {
        String token = issuer.signRsa(claims().build());
        String[] parts = token.split("\\.");
        String forged = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("sql:read", "sql:write"));

        assertInvalidToken(bearer(parts[0] + "." + forged + "." + parts[2]), RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void tokenSignedByAKeyUsingAPublishedKid_isRefusedAsBadSignature() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(issuer.rsa.getKeyID()).generate();
        assertInvalidToken(bearer(issuer.signWith(impostor, h -> { }, claims().build())), RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void unknownKid_refetchesOnceRateLimited_thenRefuses() throws Exception {
        assertThat(bearer(issuer.signRsa(claims().build()))).isInstanceOf(AuthResult.Authenticated.class);
        int afterWarmUp = issuer.hits("jwks");
        RSAKey rogue = new RSAKeyGenerator(2048).keyID("rogue").generate();
        String token = issuer.signWith(rogue, h -> { }, claims().build());

        clock.advance(Duration.ofSeconds(31));
        assertInvalidToken(bearer(token), RefusalReason.UNKNOWN_KID);
        assertThat(issuer.hits("jwks")).isEqualTo(afterWarmUp + 1);

        assertInvalidToken(bearer(token), RefusalReason.UNKNOWN_KID);
        clock.advance(Duration.ofSeconds(29));
        assertInvalidToken(bearer(token), RefusalReason.UNKNOWN_KID);
        assertThat(issuer.hits("jwks")).as("no refetch inside jwks_refresh_min_interval").isEqualTo(afterWarmUp + 1);

        clock.advance(Duration.ofSeconds(1));
        assertInvalidToken(bearer(token), RefusalReason.UNKNOWN_KID);
        assertThat(issuer.hits("jwks")).isEqualTo(afterWarmUp + 2);
    }

    @Test
    void rotatedKeys_newKidAcceptedAfterRefetch_oldKidRefused() throws Exception {
        assertThat(bearer(issuer.signRsa(claims().build()))).isInstanceOf(AuthResult.Authenticated.class);
        String oldToken = issuer.signRsa(claims().build());
        RSAKey next = new RSAKeyGenerator(2048).keyID("rsa-2").keyUse(KeyUse.SIGNATURE).generate();
        issuer.publish(next);
        issuer.unpublish("rsa-1");
        try {
            clock.advance(Duration.ofSeconds(30));
            assertThat(bearer(issuer.signWith(next, h -> { }, issuer.claims(clock.instant(), RESOURCE).build())))
                    .isInstanceOf(AuthResult.Authenticated.class);
            assertInvalidToken(bearer(oldToken), RefusalReason.UNKNOWN_KID);
        } finally {
            issuer.publish(issuer.rsa);
            issuer.unpublish("rsa-2");
        }
    }

    @Test
    void wrongTyp_isRefused() throws Exception {
        String token = issuer.signWith(issuer.rsa, h -> h.type(new JOSEObjectType("logout+jwt")), claims().build());
        assertInvalidToken(bearer(token), RefusalReason.WRONG_TOKEN_TYPE);
    }

    @Test
    void atJwtTyp_isAccepted() throws Exception {
        String token = issuer.signWith(issuer.rsa, h -> h.type(new JOSEObjectType("at+jwt")), claims().build());
        assertThat(bearer(token)).isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void malformedJwt_isRefusedAsMalformed() {
        String token = b64("{\"alg\":\"RS256\"") + "." + b64("{}") + ".c2ln";
        assertInvalidToken(bearer(token), RefusalReason.MALFORMED);
    }

    @Test
    void bearerWithoutToken_isABadRequest() {
        AuthResult.Refused r = refused(auth.authenticate(AuthRequest.of(Map.of("Authorization", List.of("Bearer ")), Map.of())));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("invalid_request");
        assertThat(r.reason()).isEqualTo(RefusalReason.MALFORMED);
    }

    @Test
    void jwtInApiKeyQueryParameter_isRefusedAsTokenInQuery() throws Exception {
        String token = issuer.signRsa(claims().build());
        for (String param : List.of("api_key", "key")) {
            AuthResult.Refused r = refused(auth.authenticate(AuthRequest.of(Map.of(), Map.of(param, List.of(token)))));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.error()).isEqualTo("invalid_request");
            assertThat(r.reason()).isEqualTo(RefusalReason.TOKEN_IN_QUERY);
            assertThat(r.wwwAuthenticate()).startsWith("Bearer resource_metadata=\"" + PRM + "\", scope=\"sql:read\", error=\"invalid_request\"");
            assertThat(r.message()).doesNotContain(token);
        }
    }

    @Test
    void missingCredentials_challengeNamesMetadataAndScope_withoutError() {
        AuthResult.Refused r = refused(auth.authenticate(AuthRequest.of(Map.of(), Map.of())));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo(RefusalReason.MISSING_CREDENTIALS);
        assertThat(r.error()).isNull();
        assertThat(r.wwwAuthenticate()).isEqualTo("Bearer resource_metadata=\"" + PRM + "\", scope=\"sql:read\"");
    }

    @Test
    void basicScheme_isRefusedWithAChallenge() {
        AuthResult.Refused r = refused(auth.authenticate(AuthRequest.of(Map.of("Authorization", List.of("Basic dXNlcjpwYXNz")), Map.of())));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo(RefusalReason.UNSUPPORTED_SCHEME);
    }

    @Test
    void unreachableJwks_answers503() throws Exception {
        issuer.jwksDown(true);
        try {
            AuthResult.Refused r = refused(bearer(issuer.signRsa(claims().build())));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.reason()).isEqualTo(RefusalReason.JWKS_UNAVAILABLE);
        } finally {
            issuer.jwksDown(false);
        }
    }

    @Test
    void missingScope_isForbiddenByPolicyWithStepUpChallenge() throws Exception {
        AuthResult r = bearer(issuer.signRsa(claims().claim("scope", "gateway:cloudtrail").build()));
        Principal p = ((AuthResult.Authenticated) r).principal();
        AccessPolicy policy = Security.create(AuthSettings.read(ConfigLoader.parse("s.yaml", """
                auth:
                  resource: %s
                  oauth: {issuer: %s, audience: %s}
                """.formatted(RESOURCE, issuer.issuer(), RESOURCE), Map.of()).auth()), clock).policy();

        assertThat(policy.decide(p, "cloudtrail___lookup_events", null)).isInstanceOf(Decision.Allowed.class);
        Decision d = policy.decide(p, "execute_query", "lake");
        assertThat(d).isInstanceOf(Decision.Forbidden.class);
        Decision.Forbidden f = (Decision.Forbidden) d;
        assertThat(f.status()).isEqualTo(403);
        assertThat(f.missing()).containsExactly("sql:read");
        assertThat(f.wwwAuthenticate()).startsWith("Bearer error=\"insufficient_scope\", scope=\"sql:read\", resource_metadata=\""
                + PRM + "\", error_description=\"");
    }

    @Test
    void cognitoAccessToken_audienceFromClientId_scopesFromScope() throws Exception {
        Authenticator cognito = authenticator("""
                auth:
                  resource: %s
                  key_file: %s
                  oauth:
                    issuer: %s
                    audience: 7abc123clientid
                    audience_claim: client_id
                """.formatted(RESOURCE, dir.resolve("k.json"), issuer.issuer()));
        String token = issuer.signRsa(new JWTClaimsSet.Builder().issuer(issuer.issuer()).subject("c0ffee")
                .claim("client_id", "7abc123clientid").claim("token_use", "access").claim("scope", "sql:read gateway:ops")
                .claim("username", "ada").expirationTime(Date.from(now.plusSeconds(60))).issueTime(Date.from(now)).build());

        AuthResult r = cognito.authenticate(AuthRequest.of(Map.of("Authorization", List.of("Bearer " + token)), Map.of()));
        Principal p = ((AuthResult.Authenticated) r).principal();
        assertThat(p.scopes()).containsExactlyInAnyOrder("sql:read", "gateway:ops");
        assertThat(p.displayName()).isEqualTo("ada");

        String other = issuer.signRsa(new JWTClaimsSet.Builder().issuer(issuer.issuer()).subject("c0ffee")
                .claim("client_id", "someone-else").expirationTime(Date.from(now.plusSeconds(60))).build());
        assertInvalidToken(cognito.authenticate(AuthRequest.of(Map.of("Authorization", List.of("Bearer " + other)), Map.of())),
                RefusalReason.WRONG_AUDIENCE);
    }

    @Test
    void entraStyleToken_scpStringAndMappedRoles() throws Exception {
        Authenticator entra = authenticator("""
                auth:
                  resource: %s
                  key_file: %s
                  oauth: {issuer: %s, audience: api://sluice}
                  roles: {Sluice.Writer: [sql:write], Sluice.Reader: [sql:read]}
                """.formatted(RESOURCE, dir.resolve("k.json"), issuer.issuer()));
        String token = issuer.signRsa(new JWTClaimsSet.Builder().issuer(issuer.issuer()).subject("oid-1").audience("api://sluice")
                .claim("scp", "profile").claim("roles", List.of("Sluice.Writer", "Unmapped"))
                .expirationTime(Date.from(now.plusSeconds(60))).build());

        Principal p = ((AuthResult.Authenticated) entra.authenticate(
                AuthRequest.of(Map.of("Authorization", List.of("Bearer " + token)), Map.of()))).principal();
        assertThat(p.scopes()).containsExactlyInAnyOrder("profile", "sql:write");
    }

    @Test
    void keycloakStyleToken_nestedRealmRolesAndScpArray() throws Exception {
        Authenticator kc = authenticator("""
                auth:
                  resource: %s
                  key_file: %s
                  oauth: {issuer: %s, audience: sluice, roles_claim: realm_access.roles, scopes_claim: scp}
                  roles: {analyst: [sql:read]}
                """.formatted(RESOURCE, dir.resolve("k.json"), issuer.issuer()));
        String token = issuer.signRsa(new JWTClaimsSet.Builder().issuer(issuer.issuer()).subject("u").audience("sluice")
                .claim("scp", List.of("gateway:ops")).claim("realm_access", Map.of("roles", List.of("analyst")))
                .expirationTime(Date.from(now.plusSeconds(60))).build());

        Principal p = ((AuthResult.Authenticated) kc.authenticate(
                AuthRequest.of(Map.of("Authorization", List.of("Bearer " + token)), Map.of()))).principal();
        assertThat(p.scopes()).containsExactlyInAnyOrder("gateway:ops", "sql:read");
    }

    @Test
    void refusalMessages_neverContainTheToken() throws Exception {
        String token = issuer.signRsa(claims().issuer("https://evil.example").build());
        AuthResult.Refused r = refused(bearer(token));
        assertThat(r.message()).doesNotContain(token);
        assertThat(r.wwwAuthenticate()).doesNotContain(token);
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
