package dev.sluice.mcp.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.TestServerFixture;
import dev.sluice.mcp.transport.http.HttpTransportConfig;
import dev.sluice.mcp.transport.http.McpHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The blocking HTTP client against the in-process server, in both protocol eras. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class McpHttpClientTest {
    private static McpHttpServer http;
    private static URI endpoint;

    @BeforeAll
    static void start() throws Exception {
        http = new McpHttpServer(new TestServerFixture().build(), HttpTransportConfig.defaults("127.0.0.1"),
                "127.0.0.1", 0, List.of()).start();
        endpoint = URI.create("http://127.0.0.1:" + http.port() + "/mcp");
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    private static ObjectNode text(String value) {
        return Json.object().put("text", value);
    }

    @Test
    void legacy_connectListAndCall() {
        try (McpHttpClient client = McpHttpClient.builder(endpoint).protocolVersion(ProtocolVersion.V2025_06_18).build()) {
            assertThat(client.modern()).isFalse();
            ObjectNode init = client.connect();
            assertThat(init.get("protocolVersion").asText()).isEqualTo(ProtocolVersion.V2025_06_18);
            assertThat(init.at("/serverInfo/name").asText()).isEqualTo("fixture");
            assertThat(client.sessionId()).isNotBlank();
            assertThat(client.protocolVersion()).isEqualTo(ProtocolVersion.V2025_06_18);

            assertThat(client.listTools().get("tools").findValuesAsText("name")).contains("echo", "block", "sample");
            ObjectNode result = client.callTool("echo", text("legacy hello"));
            assertThat(result.at("/content/0/text").asText()).isEqualTo("legacy hello");
            assertThat(result.has("resultType")).isFalse();
        }
    }

    @Test
    void legacy_closeDeletesTheSession() {
        McpHttpClient client = McpHttpClient.builder(endpoint).build();
        client.connect();
        String sessionId = client.sessionId();
        assertThat(http.handler().sessions().orElseThrow().find(sessionId)).isPresent();
        client.close();
        assertThat(http.handler().sessions().orElseThrow().find(sessionId)).isEmpty();
    }

    @Test
    void modern_connectListAndCall() {
        try (McpHttpClient client = McpHttpClient.builder(endpoint).protocolVersion(ProtocolVersion.V2026_07_28).build()) {
            assertThat(client.modern()).isTrue();
            ObjectNode discover = client.connect();
            assertThat(discover.get("supportedVersions").get(0).asText()).isEqualTo(ProtocolVersion.V2026_07_28);
            assertThat(client.sessionId()).isNull();

            ObjectNode tools = client.listTools();
            assertThat(tools.get("tools").findValuesAsText("name")).contains("echo");
            assertThat(tools.get("resultType").asText()).isEqualTo("complete");
            ObjectNode result = client.callTool("echo", text("modern hello"));
            assertThat(result.at("/content/0/text").asText()).isEqualTo("modern hello");
            assertThat(result.get("resultType").asText()).isEqualTo("complete");
        }
    }

    @Test
    void modern_callWithNonAsciiPromptNameIsHeaderEncoded() {
        try (McpHttpClient client = McpHttpClient.builder(endpoint).protocolVersion(ProtocolVersion.V2026_07_28).build()) {
            ObjectNode params = Json.object().put("name", "grüße");
            assertThatThrownBy(() -> client.request("prompts/get", params))
                    .isInstanceOfSatisfying(McpClientException.class, e -> {
                        // the Base64-encoded Mcp-Name matched the body, so the server got as far as the lookup
                        assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
                        assertThat(e.error().getMessage()).isEqualTo("Invalid params: Unknown prompt: grüße");
                    });
        }
    }

    @Test
    void modern_deliversProgressNotificationsToTheListener() {
        List<JsonNode> notifications = new CopyOnWriteArrayList<>();
        try (McpHttpClient client = McpHttpClient.builder(endpoint).protocolVersion(ProtocolVersion.V2026_07_28)
                .onNotification(notifications::add).build()) {
            ObjectNode params = Json.object().put("name", "progress");
            params.putObject("arguments");
            params.putObject("_meta").put("progressToken", "c-1");
            ObjectNode result = client.request("tools/call", params);
            assertThat(result.at("/content/0/text").asText()).isEqualTo("progressed");
            assertThat(notifications).hasSize(2)
                    .allSatisfy(n -> assertThat(n.at("/params/progressToken").asText()).isEqualTo("c-1"));
        }
    }

    @Test
    void jsonRpcError_surfacesAsClientExceptionWithCode() {
        try (McpHttpClient legacy = McpHttpClient.builder(endpoint).build();
             McpHttpClient modern = McpHttpClient.builder(endpoint).protocolVersion(ProtocolVersion.V2026_07_28).build()) {
            legacy.connect();
            assertThatThrownBy(() -> legacy.callTool("nope", null))
                    .isInstanceOfSatisfying(McpClientException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(200);
                        assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
                        assertThat(e.error().getMessage()).contains("Unknown tool: nope");
                        assertThat(e.getMessage()).contains("tools/call failed (HTTP 200): -32602");
                    });
            assertThatThrownBy(() -> modern.callTool("nope", null))
                    .isInstanceOfSatisfying(McpClientException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.error().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
                    });
            assertThatThrownBy(() -> modern.request("ping", Json.object()))
                    .isInstanceOfSatisfying(McpClientException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.error().code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
                    });
        }
    }

    @Test
    void legacy_clientWithoutSamplingDeclinesServerRequest() {
        ObjectNode caps = Json.object();
        caps.putObject("sampling");
        try (McpHttpClient client = McpHttpClient.builder(endpoint).capabilities(caps).build()) {
            client.connect();
            assertThatThrownBy(() -> client.callTool("sample", null))
                    .isInstanceOfSatisfying(McpClientException.class, e -> {
                        assertThat(e.error().code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
                        assertThat(e.error().getMessage()).contains("this client does not support it");
                    });
        }
    }

    @Test
    void unreachableServer_isClientExceptionWithStatusZero() {
        try (McpHttpClient client = McpHttpClient.builder(URI.create("http://127.0.0.1:1/mcp")).build()) {
            assertThatThrownBy(client::connect)
                    .isInstanceOfSatisfying(McpClientException.class, e -> {
                        assertThat(e.httpStatus()).isZero();
                        assertThat(e.error()).isNull();
                        assertThat(e.getMessage()).startsWith("initialize failed");
                    });
        }
    }

    @Test
    void builder_rejectsUnknownProtocolVersion() {
        assertThatThrownBy(() -> McpHttpClient.builder(endpoint).protocolVersion("2099-01-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown protocol version 2099-01-01");
    }
}
