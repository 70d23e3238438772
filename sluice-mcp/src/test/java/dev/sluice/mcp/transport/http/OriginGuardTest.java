package dev.sluice.mcp.transport.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OriginGuardTest {
    private final OriginGuard loopback = new OriginGuard(HttpTransportConfig.defaults("127.0.0.1"));
    private final OriginGuard open = new OriginGuard(HttpTransportConfig.defaults("0.0.0.0"));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:8080", "127.0.0.1", "localhost:3000", "LOCALHOST", "[::1]:8080", " localhost "})
    void loopbackServer_acceptsLoopbackHostHeaders(String host) {
        assertThat(loopback.refusal(host, null)).isNull();
    }

    @Test
    void loopbackServer_refusesForeignHostHeader() {
        assertThat(loopback.refusal("evil.example.com", null)).isEqualTo("Host header 'evil.example.com' is not allowed");
        assertThat(loopback.refusal("evil.example.com:8080", null)).contains("is not allowed");
        assertThat(loopback.refusal("127.0.0.1.evil.example.com", null)).contains("is not allowed");
    }

    @Test
    void loopbackServer_refusesMissingHostHeader() {
        assertThat(loopback.refusal(null, null)).isEqualTo("Host header 'null' is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:5173", "https://127.0.0.1", "http://[::1]:8080", "http://LOCALHOST:1"})
    void loopbackServer_acceptsOriginsOnAllowedHosts(String origin) {
        assertThat(loopback.refusal("127.0.0.1:8080", origin)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example.com", "null", "file://localhost/x", "ftp://localhost", "http://localhost.evil.example.com", "not a uri"})
    void loopbackServer_refusesOtherOrigins(String origin) {
        assertThat(loopback.refusal("127.0.0.1:8080", origin)).isEqualTo("Origin '" + origin + "' is not allowed");
    }

    @Test
    void explicitlyAllowedOrigin_isAccepted() {
        OriginGuard guard = new OriginGuard(HttpTransportConfig.defaults("127.0.0.1")
                .withAllowed(HttpTransportConfig.LOOPBACK_HOSTS, Set.of("https://console.example.com")));
        assertThat(guard.refusal("localhost", "https://console.example.com")).isNull();
        assertThat(guard.refusal("localhost", "https://other.example.com")).contains("is not allowed");
    }

    @Test
    void wildcardOrigin_acceptsAnyOrigin() {
        OriginGuard guard = new OriginGuard(HttpTransportConfig.defaults("0.0.0.0").withAllowed(Set.of(), Set.of("*")));
        assertThat(guard.refusal("anything", "http://evil.example.com")).isNull();
    }

    @Test
    void nonLoopbackServer_acceptsAnyHostButNoBrowserOriginByDefault() {
        assertThat(open.refusal("mcp.example.com", null)).isNull();
        assertThat(open.refusal(null, null)).isNull();
        assertThat(open.refusal("mcp.example.com", "https://mcp.example.com")).contains("is not allowed");
    }

    @Test
    void hostName_stripsPortAndLowercases() {
        assertThat(OriginGuard.hostName("Example.COM:443")).isEqualTo("example.com");
        assertThat(OriginGuard.hostName("[::1]:8080")).isEqualTo("[::1]");
        assertThat(OriginGuard.hostName("[::1")).isEqualTo("[::1");
        assertThat(OriginGuard.hostName("localhost")).isEqualTo("localhost");
    }
}
