package dev.sluice.security;

import dev.sluice.core.config.ConfigLoader;
import dev.sluice.mcp.FakeClock;
import dev.sluice.security.apikey.ApiKeyStore;
import dev.sluice.security.apikey.ApiKeyVerifier;
import dev.sluice.security.apikey.CreatedApiKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticatorApiKeyTest {
    static final String INLINE = "inline-key-0123456789abcdef";

    @TempDir
    Path dir;
    FakeClock clock;
    AuthSettings settings;
    ApiKeyStore store;
    Authenticator auth;
    CreatedApiKey created;

    @BeforeEach
    void setUp() {
        clock = new FakeClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        settings = AuthSettings.read(ConfigLoader.parse("sluice.yaml", """
                auth:
                  key_file: %s
                  api_keys:
                    - {name: claude, key: "${MCP_API_KEY}", scopes: [sql:read, sql:write]}
                """.formatted(dir.resolve("keys.json")), Map.of("MCP_API_KEY", INLINE)).auth());
        store = new ApiKeyStore(settings.keyFile(), clock, new SecureRandom());
        created = store.create("ci", List.of("sql:read"));
        auth = new Authenticator(settings, new ApiKeyVerifier(settings.apiKeys(), store), null, ProtectedResourceMetadata.from(settings));
    }

    AuthResult headers(String name, String value) {
        return auth.authenticate(AuthRequest.of(Map.of(name, List.of(value)), Map.of()));
    }

    AuthResult query(String name, String value) {
        return auth.authenticate(AuthRequest.of(Map.of(), Map.of(name, List.of(value))));
    }

    static Principal principal(AuthResult r) {
        assertThat(r).isInstanceOf(AuthResult.Authenticated.class);
        return ((AuthResult.Authenticated) r).principal();
    }

    static AuthResult.Refused refused(AuthResult r) {
        assertThat(r).isInstanceOf(AuthResult.Refused.class);
        return (AuthResult.Refused) r;
    }

    @Test
    void inlineKey_viaBearer_authenticatesWithItsScopes() {
        Principal p = principal(headers("Authorization", "Bearer " + INLINE));
        assertThat(p.subject()).isEqualTo("apikey:claude");
        assertThat(p.method()).isEqualTo(AuthMethod.API_KEY);
        assertThat(p.scopes()).containsExactlyInAnyOrder("sql:read", "sql:write");
        assertThat(p.claim("key_name")).contains("claude");
    }

    @Test
    void storedKey_viaXApiKeyHeader_authenticates() {
        Principal p = principal(headers("X-API-Key", created.plaintext()));
        assertThat(p.subject()).isEqualTo("apikey:ci");
        assertThat(p.claim("key_id")).contains(created.info().id());
    }

    @Test
    void storedKey_viaApiKeyQueryParameter_authenticates() {
        assertThat(principal(query("api_key", created.plaintext())).subject()).isEqualTo("apikey:ci");
    }

    @Test
    void inlineKey_viaKeyQueryParameter_authenticates() {
        assertThat(principal(query("key", INLINE)).subject()).isEqualTo("apikey:claude");
    }

    @Test
    void sameKeyInHeaderAndQuery_isAccepted_differentKeysAreABadRequest() {
        assertThat(principal(auth.authenticate(AuthRequest.of(Map.of("X-API-Key", List.of(INLINE)), Map.of("key", List.of(INLINE))))))
                .isNotNull();
        AuthResult.Refused r = refused(auth.authenticate(AuthRequest.of(Map.of("X-API-Key", List.of(INLINE)),
                Map.of("key", List.of(created.plaintext())))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).isEqualTo(RefusalReason.MULTIPLE_CREDENTIALS);
    }

    @Test
    void unknownKey_isRefusedWithInvalidToken_andNoResourceMetadataWithoutResource() {
        AuthResult.Refused r = refused(headers("X-API-Key", "not-a-real-key-at-all"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo(RefusalReason.UNKNOWN_KEY);
        assertThat(r.error()).isEqualTo("invalid_token");
        assertThat(r.wwwAuthenticate()).startsWith("Bearer scope=\"sql:read\", error=\"invalid_token\", error_description=\"");
        assertThat(r.message()).doesNotContain("not-a-real-key-at-all");
    }

    @Test
    void storedKeyIdWithWrongSecret_isUnknown() {
        String forged = created.plaintext().substring(0, 17) + "A".repeat(43);
        assertThat(refused(headers("X-API-Key", forged)).reason()).isEqualTo(RefusalReason.UNKNOWN_KEY);
    }

    @Test
    void replayedKeyAfterRevoke_isRefusedAsRevoked() {
        assertThat(principal(headers("Authorization", "Bearer " + created.plaintext()))).isNotNull();
        new ApiKeyStore(settings.keyFile(), clock, new SecureRandom()).revoke("ci");

        clock.advance(Duration.ofSeconds(1));
        AuthResult.Refused r = refused(headers("Authorization", "Bearer " + created.plaintext()));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo(RefusalReason.REVOKED_KEY);
        assertThat(r.error()).isEqualTo("invalid_token");
    }

    @Test
    void jwtShapedBearer_withoutOAuth_isRefused() {
        String jwtShaped = AuthenticatorOAuthTest.b64("{\"alg\":\"RS256\"}") + "." + AuthenticatorOAuthTest.b64("{}") + ".c2ln";
        assertThat(refused(headers("Authorization", "Bearer " + jwtShaped)).reason()).isEqualTo(RefusalReason.OAUTH_NOT_CONFIGURED);
    }

    @Test
    void noCredentials_isChallengedWithoutError() {
        AuthResult.Refused r = refused(auth.authenticate(AuthRequest.of(Map.of(), Map.of())));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isNull();
        assertThat(r.wwwAuthenticate()).isEqualTo("Bearer scope=\"sql:read\"");
        assertThat(r.jsonBody()).isEqualTo("{\"error\":\"unauthorized\",\"error_description\":\"" + r.message() + "\"}");
    }

    @Test
    void authAbsent_everyoneIsTheAnonymousPrincipalWithAllScopes() {
        Authenticator none = Authenticator.create(AuthSettings.read(ConfigLoader.parse("s.yaml", "server: {port: 1}", Map.of()).auth()),
                clock);
        Principal p = principal(none.authenticate(AuthRequest.of(Map.of(), Map.of())));
        assertThat(p).isEqualTo(Principal.anonymous());
        assertThat(p.hasScope("sql:write")).isTrue();
        assertThat(p.method()).isEqualTo(AuthMethod.NONE);
    }

    @Test
    void redactQuery_hidesKeyParameters() {
        assertThat(Authenticator.redactQuery("a=1&api_key=slk_secret&key=abc&keyword=x"))
                .isEqualTo("a=1&api_key=REDACTED&key=REDACTED&keyword=x");
        assertThat(Authenticator.redactQuery("KEY=abc")).isEqualTo("KEY=REDACTED");
    }
}
