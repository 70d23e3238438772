package dev.sluice.security;

import dev.sluice.core.config.ConfigException;
import dev.sluice.core.config.ConfigLoader;
import dev.sluice.security.apikey.ApiKeys;
import dev.sluice.security.limit.RateLimitSettings;
import dev.sluice.security.oauth.OAuthSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthSettingsTest {
    static AuthSettings read(String yaml) {
        return AuthSettings.read(ConfigLoader.parse("sluice.yaml", yaml, Map.of("KEY", "env-key-0123456789abcdef")).auth());
    }

    static void fails(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void absentAuth_isOff_withEveryDefault() {
        AuthSettings s = read("server: {port: 8080}");
        assertThat(s).isEqualTo(AuthSettings.none());
        assertThat(s.enabled()).isFalse();
        assertThat(s.apiKeys()).isEmpty();
        assertThat(s.keyFile()).isEqualTo(Path.of("sluice-keys.json"));
        assertThat(s.oauth()).isNull();
        assertThat(s.resource()).isNull();
        assertThat(s.resourceName()).isEqualTo("Sluice");
        assertThat(s.scopesSupported()).containsExactly("sql:read");
        assertThat(s.toolScopes()).isEmpty();
        assertThat(s.sourceScopes()).isEmpty();
        assertThat(s.roles()).isEmpty();
        assertThat(s.claimArguments()).isEmpty();
        assertThat(s.rateLimit()).isNull();
    }

    @Test
    void authOff_isRefusedOffLoopback() {
        AuthSettings.none().requireSafeBinding("127.0.0.1");
        AuthSettings.none().requireSafeBinding("localhost");
        AuthSettings.none().requireSafeBinding("::1");
        assertThatThrownBy(() -> AuthSettings.none().requireSafeBinding("0.0.0.0"))
                .hasMessageContaining("server.host is 0.0.0.0").hasMessageContaining("auth.api_keys");
        read("auth: {api_keys: [{name: a, key: '${KEY}'}]}").requireSafeBinding("0.0.0.0");
    }

    @Test
    void apiKeysOnly_defaults() {
        AuthSettings s = read("""
                auth:
                  api_keys:
                    - {name: claude, key: "${KEY}"}
                """);
        assertThat(s.enabled()).isTrue();
        assertThat(s.apiKeys()).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualTo("claude");
            assertThat(k.sha256()).isEqualTo(ApiKeys.sha256("env-key-0123456789abcdef"));
            assertThat(k.scopes()).containsExactly("sql:read");
        });
        assertThat(s.toString()).doesNotContain("env-key-0123456789abcdef");
    }

    @Test
    void everyKey_isRead() {
        AuthSettings s = read("""
                auth:
                  api_keys:
                    - {name: claude, key: "${KEY}", scopes: [sql:read, sql:write]}
                  key_file: /etc/sluice/keys.json
                  resource: https://sluice.example.com/mcp
                  resource_name: Acme data
                  scopes_supported: [sql:read, gateway:ops]
                  tool_scopes: {search_tools: [], top_customers: [sales:read]}
                  source_scopes: {warehouse: [pii:read]}
                  roles: {admins: ["*"], analysts: [sql:read]}
                  claim_arguments: {top_customers: {tenant_id: tenant, region: "ext.region"}}
                  rate_limit: {requests_per_second: 2.5, burst: 7}
                  oauth:
                    issuer: https://idp.example.com/realms/acme
                    audience: https://sluice.example.com/mcp
                    audience_claim: azp
                    jwks_uri: https://idp.example.com/realms/acme/certs
                    algorithms: [RS256, es256]
                    clock_skew: 10s
                    scopes_claim: scp
                    roles_claim: groups
                    jwks_refresh_min_interval: 5s
                    jwks_max_age: 10m
                    http_timeout: 2s
                """);
        assertThat(s.apiKeys().get(0).scopes()).containsExactly("sql:read", "sql:write");
        assertThat(s.keyFile()).isEqualTo(Path.of("/etc/sluice/keys.json"));
        assertThat(s.resource()).isEqualTo("https://sluice.example.com/mcp");
        assertThat(s.resourceName()).isEqualTo("Acme data");
        assertThat(s.scopesSupported()).containsExactly("sql:read", "gateway:ops");
        assertThat(s.toolScopes()).containsExactly(Map.entry("search_tools", List.of()), Map.entry("top_customers", List.of("sales:read")));
        assertThat(s.sourceScopes()).containsExactly(Map.entry("warehouse", List.of("pii:read")));
        assertThat(s.roles()).containsEntry("admins", List.of("*")).containsEntry("analysts", List.of("sql:read"));
        assertThat(s.claimArguments()).containsExactly(Map.entry("top_customers", Map.of("tenant_id", "tenant", "region", "ext.region")));
        assertThat(s.rateLimit()).isEqualTo(new RateLimitSettings(2.5, 7));
        OAuthSettings o = s.oauth();
        assertThat(o.issuer()).isEqualTo("https://idp.example.com/realms/acme");
        assertThat(o.audience()).isEqualTo("https://sluice.example.com/mcp");
        assertThat(o.audienceClaim()).isEqualTo("azp");
        assertThat(o.jwksUri()).isEqualTo(URI.create("https://idp.example.com/realms/acme/certs"));
        assertThat(o.discoveryUrl()).isNull();
        assertThat(o.algorithms()).containsExactlyInAnyOrder("RS256", "ES256");
        assertThat(o.clockSkew()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.scopesClaim()).isEqualTo("scp");
        assertThat(o.rolesClaim()).isEqualTo("groups");
        assertThat(o.jwksRefreshMinInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.jwksMaxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.httpTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void oauthDefaults_arePinned_andResourceDefaultsToAUrlAudience() {
        AuthSettings s = read("""
                auth:
                  oauth: {issuer: "https://issuer.example", audience: "https://sluice.example/mcp"}
                """);
        OAuthSettings o = s.oauth();
        assertThat(s.resource()).isEqualTo("https://sluice.example/mcp");
        assertThat(o.audienceClaim()).isEqualTo("aud");
        assertThat(o.jwksUri()).isNull();
        assertThat(o.discoveryUrl()).isNull();
        assertThat(o.algorithms()).isEqualTo(Set.of("RS256", "RS384", "RS512", "PS256", "ES256", "ES384"));
        assertThat(o.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.scopesClaim()).isNull();
        assertThat(o.rolesClaim()).isEqualTo("roles");
        assertThat(o.jwksRefreshMinInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.jwksMaxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(o.httpTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o).isEqualTo(OAuthSettings.of("https://issuer.example", "https://sluice.example/mcp", null));
    }

    @Test
    void rateLimit_burstDefaultsToTwiceTheRate() {
        assertThat(read("auth: {rate_limit: {requests_per_second: 10}}").rateLimit()).isEqualTo(new RateLimitSettings(10, 20));
        assertThat(read("auth: {rate_limit: {requests_per_second: 0.2}}").rateLimit()).isEqualTo(new RateLimitSettings(0.2, 1));
    }

    @Test
    void unknownKeys_failWithFileLineAndKey() {
        fails("""
                auth:
                  api_keys: []
                  oauht: {}
                """, "sluice.yaml:3: auth.oauht: unknown key (known here: api_keys, claim_arguments, key_file, oauth, rate_limit, "
                + "resource, resource_name, roles, scopes_supported, source_scopes, tool_scopes)");
        fails("""
                auth:
                  oauth:
                    issuer: https://i.example
                    audience: x
                    jwks: https://i.example/jwks
                  resource: https://s.example/mcp
                """, "sluice.yaml:5: auth.oauth.jwks: unknown key (known here: algorithms, audience, audience_claim, clock_skew,"
                + " discovery_url, http_timeout, issuer, jwks_max_age, jwks_refresh_min_interval, jwks_uri, roles_claim, scopes_claim)");
        assertThatThrownBy(() -> read("auth: {rate_limit: {requests_per_second: 1, burts: 2}}"))
                .hasMessageStartingWith("sluice.yaml:1: auth.rate_limit.burts: unknown key");
        assertThatThrownBy(() -> read("auth: {api_keys: [{name: a, key: '${KEY}', scope: [x]}]}"))
                .hasMessageContaining("auth.api_keys[0].scope: unknown key");
    }

    @Test
    void badValues_failWithWhatToDo() {
        fails("""
                auth:
                  oauth:
                    issuer: https://i.example
                    audience: https://s.example/mcp
                    algorithms: [RS256, HS256]
                """, "sluice.yaml:5: auth.oauth.algorithms: 'HS256' is refused: a resource server verifies tokens with the issuer's"
                + " public keys, so only asymmetric algorithms are allowed (ES256, ES384, ES512, PS256, PS384, PS512, RS256, RS384, RS512)");
        assertThatThrownBy(() -> read("auth: {oauth: {issuer: https://i.example, audience: a, algorithms: [none]}, resource: https://s.example/mcp}"))
                .hasMessageContaining("'none' is refused");
        fails("""
                auth:
                  oauth:
                    issuer: http://idp.example.com
                    audience: x
                """, "sluice.yaml:3: auth.oauth.issuer: must use https (plain http is accepted only for localhost / 127.0.0.1),"
                + " got 'http://idp.example.com'");
        fails("""
                auth:
                  oauth:
                    issuer: https://idp.example.com
                """, "sluice.yaml:2: auth.oauth.audience: is required: the value your issuer puts in access tokens for this server"
                + " (usually its public /mcp URL, an API identifier, or for Cognito the app client id with audience_claim: client_id)");
        fails("""
                auth:
                  oauth: {issuer: "https://idp.example.com", audience: client123}
                """, "sluice.yaml:1: auth.resource: is required with oauth: this server's public /mcp URL, e.g."
                + " https://sluice.example.com/mcp (it is the resource of the Protected Resource Metadata that OAuth clients discover)");
        assertThatThrownBy(() -> read("auth: {oauth: {issuer: 'https://i.example', audience: a, clock_skew: 1h}, resource: 'https://s.example/mcp'}"))
                .hasMessageContaining("auth.oauth.clock_skew: must be between 0s and 10m, got 3600s");
        assertThatThrownBy(() -> read("auth: {oauth: {issuer: 'https://i.example', audience: a, jwks_uri: 'https://i.example/k',"
                + " discovery_url: 'https://i.example/d'}, resource: 'https://s.example/mcp'}"))
                .hasMessageContaining("auth.oauth.discovery_url: set either jwks_uri or discovery_url, not both");
        fails("""
                auth:
                  api_keys:
                    - {name: a, key: short}
                """, /* core's YamlSource has no lines for list items yet: it falls back to the section's line */
                "sluice.yaml:1: auth.api_keys[0].key: must be at least 16 printable characters without spaces;"
                + " generate one with `sluice keys create` or `openssl rand -base64 32`");
        assertThatThrownBy(() -> read("auth: {api_keys: [{name: a, key: '${KEY}'}, {name: a, key: 'other-key-0123456789'}]}"))
                .hasMessageContaining("auth.api_keys[1].name: 'a' is used by two keys");
        assertThatThrownBy(() -> read("auth: {api_keys: [{name: a, key: '${KEY}'}, {name: b, key: '${KEY}'}]}"))
                .hasMessageContaining("auth.api_keys[1].key: is the same key as another entry");
        assertThatThrownBy(() -> read("auth: {api_keys: [{key: '${KEY}'}]}")).hasMessageContaining("auth.api_keys[0].name: is required");
        assertThatThrownBy(() -> read("auth: {tool_scopes: {execute_query: ['sql read']}}"))
                .hasMessageContaining("auth.tool_scopes.execute_query: 'sql read' is not a valid scope");
        assertThatThrownBy(() -> read("auth: {tool_scopes: {execute_query: sql:read}}"))
                .hasMessageContaining("auth.tool_scopes.execute_query: must be a list of strings");
        assertThatThrownBy(() -> read("auth: {rate_limit: {requests_per_second: 0}}"))
                .hasMessageContaining("auth.rate_limit.requests_per_second: must be more than 0");
        assertThatThrownBy(() -> read("auth: {rate_limit: {burst: 3}}"))
                .hasMessageContaining("auth.rate_limit.requests_per_second: is required");
        assertThatThrownBy(() -> read("auth: {rate_limit: {requests_per_second: fast}}"))
                .hasMessageContaining("auth.rate_limit.requests_per_second: must be a number, got 'fast'");
        assertThatThrownBy(() -> read("auth: {resource: 'ftp://x'}"))
                .hasMessageContaining("auth.resource: is this server's public /mcp URL and must be an absolute https URL");
        assertThatThrownBy(() -> read("auth: {claim_arguments: {t: {tenant: ''}}}"))
                .hasMessageContaining("auth.claim_arguments.t.tenant: must name a token claim");
    }
}
