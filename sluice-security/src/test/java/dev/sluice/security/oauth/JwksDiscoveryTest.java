package dev.sluice.security.oauth;

import dev.sluice.mcp.FakeClock;
import dev.sluice.security.CredentialCheck;
import dev.sluice.security.LocalIssuer;
import dev.sluice.security.RefusalReason;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JwksDiscoveryTest {
    final FakeClock clock = new FakeClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void wellKnownCandidates_oidcFirstThenRfc8414() {
        assertThat(JwksSource.wellKnown("https://idp.example.com/realms/acme/")).containsExactly(
                URI.create("https://idp.example.com/realms/acme/.well-known/openid-configuration"),
                URI.create("https://idp.example.com/.well-known/oauth-authorization-server/realms/acme"),
                URI.create("https://idp.example.com/.well-known/openid-configuration/realms/acme"));
        assertThat(JwksSource.wellKnown("https://idp.example.com")).containsExactly(
                URI.create("https://idp.example.com/.well-known/openid-configuration"),
                URI.create("https://idp.example.com/.well-known/oauth-authorization-server"));
    }

    @Test
    void discoveryDocumentForAnotherIssuer_isNotUsed() throws Exception {
        try (LocalIssuer issuer = new LocalIssuer()) {
            issuer.discoveryClaimsIssuer("https://attacker.example");
            JwtVerifier v = new JwtVerifier(OAuthSettings.of(issuer.issuer(), "aud", null), Map.of(),
                    HttpFetcher.withTimeout(Duration.ofSeconds(2)), clock);
            assertThat(v.warmUp()).contains("its issuer is 'https://attacker.example'");
            CredentialCheck c = v.verify(issuer.signRsa(issuer.claims(clock.instant(), "aud").build()));
            assertThat(((CredentialCheck.Rejected) c).reason()).isEqualTo(RefusalReason.JWKS_UNAVAILABLE);
            assertThat(issuer.hits("jwks")).isZero();
        }
    }

    @Test
    void explicitDiscoveryUrl_andExplicitJwksUri_work() throws Exception {
        try (LocalIssuer issuer = new LocalIssuer()) {
            OAuthSettings viaDiscovery = OAuthSettings.of(issuer.issuer(), "aud", null)
                    .withDiscovery(null, URI.create(issuer.issuer() + "/.well-known/openid-configuration"));
            OAuthSettings viaJwks = OAuthSettings.of(issuer.issuer(), "aud", issuer.jwksUri());
            for (OAuthSettings s : new OAuthSettings[]{viaDiscovery, viaJwks}) {
                JwtVerifier v = new JwtVerifier(s, Map.of(), HttpFetcher.withTimeout(Duration.ofSeconds(2)), clock);
                assertThat(v.verify(issuer.signEc(issuer.claims(clock.instant(), "aud").build())))
                        .isInstanceOf(CredentialCheck.Verified.class);
            }
        }
    }

    @Test
    void keysAreCached_andRefreshedAfterMaxAge() throws Exception {
        try (LocalIssuer issuer = new LocalIssuer()) {
            JwtVerifier v = new JwtVerifier(OAuthSettings.of(issuer.issuer(), "aud", issuer.jwksUri()), Map.of(),
                    HttpFetcher.withTimeout(Duration.ofSeconds(2)), clock);
            for (int i = 0; i < 5; i++) {
                assertThat(v.verify(issuer.signRsa(issuer.claims(clock.instant(), "aud").build()))).isInstanceOf(CredentialCheck.Verified.class);
            }
            assertThat(issuer.hits("jwks")).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
            issuer.jwksDown(true);
            assertThat(v.verify(issuer.signRsa(issuer.claims(clock.instant(), "aud").build())))
                    .as("a failed refresh keeps the old keys").isInstanceOf(CredentialCheck.Verified.class);
            assertThat(issuer.hits("jwks")).isEqualTo(2);
        }
    }

    @Test
    void looksLikeJwt_separatesTokensFromApiKeys() {
        assertThat(JwtVerifier.looksLikeJwt("slk_0123456789ab_" + "A".repeat(43))).isFalse();
        assertThat(JwtVerifier.looksLikeJwt("a.b.c")).isFalse();
        assertThat(JwtVerifier.looksLikeJwt("eyJhbGciOiJub25lIn0.e30.")).isTrue();
    }
}
