package dev.sluice.security;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectedResourceMetadataTest {
    @Test
    void document_followsRfc9728() {
        ProtectedResourceMetadata m = new ProtectedResourceMetadata(URI.create("https://sluice.example.com/mcp"),
                List.of("https://idp.example.com"), List.of("sql:read"), "Sluice");
        assertThat(m.json()).isEqualTo("{\"resource\":\"https://sluice.example.com/mcp\","
                + "\"authorization_servers\":[\"https://idp.example.com\"],\"scopes_supported\":[\"sql:read\"],"
                + "\"bearer_methods_supported\":[\"header\"],\"resource_name\":\"Sluice\"}");
    }

    @Test
    void paths_arePathSuffixedThenRoot_andUrlIsThePathSuffixedForm() {
        ProtectedResourceMetadata m = new ProtectedResourceMetadata(URI.create("https://sluice.example.com:8443/mcp"),
                List.of(), List.of(), "Sluice");
        assertThat(m.paths()).containsExactly("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource");
        assertThat(m.url()).isEqualTo("https://sluice.example.com:8443/.well-known/oauth-protected-resource/mcp");
        assertThat(m.serves("/.well-known/oauth-protected-resource")).isTrue();
        assertThat(m.serves("/.well-known/oauth-protected-resource/other")).isFalse();
        assertThat(m.json()).doesNotContain("authorization_servers").doesNotContain("scopes_supported");
    }

    @Test
    void resourceAtTheRoot_hasOnePath() {
        ProtectedResourceMetadata m = new ProtectedResourceMetadata(URI.create("https://sluice.example.com/"), List.of(), List.of(), "S");
        assertThat(m.paths()).containsExactly("/.well-known/oauth-protected-resource");
    }

    @Test
    void nothingToServe_withoutResource() {
        assertThat(ProtectedResourceMetadata.from(AuthSettings.none())).isNull();
    }

    @Test
    void bearerChallenge_keepsHeaderValuesSafe() {
        assertThat(BearerChallenge.bearer().param("error_description", "bad \"x\" \\ é\n").param("empty", "").toString())
                .isEqualTo("Bearer error_description=\"bad 'x' / ??\"");
        assertThat(BearerChallenge.bearer().toString()).isEqualTo("Bearer");
    }
}
