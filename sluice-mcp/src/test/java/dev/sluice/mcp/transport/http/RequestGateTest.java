package dev.sluice.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.McpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication's place in the transport: refusals before any MCP work, principals attached, sessions bound to their owner. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RequestGateTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> recorded = new CopyOnWriteArrayList<>();
    private static McpHttpServer http;
    private static URI endpoint;

    @BeforeAll
    static void start() throws Exception {
        McpServer server = McpServer.builder("gate", "1")
                .tool(Tool.of("whoami", "who is calling", Tool.emptyObjectSchema()), (args, ctx) -> CallToolResult.text(
                        ctx.caller().subject() + "/" + ctx.caller().principal(String.class).orElse("-")))
                .tool(Tool.of("admin", "needs a scope", Tool.emptyObjectSchema()), (args, ctx) -> {
                    throw dev.sluice.mcp.McpError.insufficientScope("admin needs scope admin", "Bearer error=\"insufficient_scope\", scope=\"admin\"");
                })
                .build();
        http = new McpHttpServer(server, HttpTransportConfig.defaults("127.0.0.1"), "127.0.0.1", 0, List.of()).start();
        http.handler().setRequestGate(request -> {
            String key = request.getHeaders().get("X-API-Key");
            if (key == null) {
                return new RequestGate.Refused(401, Map.of("WWW-Authenticate", "Bearer resource_metadata=\"http://x/.well-known/oauth-protected-resource\""),
                        "Unauthorized: send an API key", () -> recorded.add("refused"));
            }
            return new RequestGate.Admitted("user-" + key, "principal-of-" + key);
        });
        endpoint = URI.create("http://127.0.0.1:" + http.port() + "/mcp");
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    private static HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String initialize(String key) throws Exception {
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}", "X-API-Key", key);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private static final String WHOAMI = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\"}}";

    @Test
    void refusedRequest_getsTheGatesStatusHeadersAndAJsonRpcError_afterItWasRecorded() throws Exception {
        int before = recorded.size();
        HttpResponse<String> r = post(WHOAMI);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer resource_metadata=");
        JsonNode body = Json.parse(r.body());
        assertThat(body.at("/error/message").asText()).isEqualTo("Unauthorized: send an API key");
        assertThat(recorded).hasSize(before + 1);
    }

    @Test
    void admittedPrincipal_reachesTheTool_inBothEras() throws Exception {
        String session = initialize("k1");
        HttpResponse<String> legacy = post(WHOAMI, "X-API-Key", "k1", "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertThat(Json.parse(legacy.body()).at("/result/content/0/text").asText()).isEqualTo("user-k1/principal-of-k1");

        HttpResponse<String> modern = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"whoami\","
                        + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                        + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}}",
                "X-API-Key", "k2", "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "whoami");
        assertThat(Json.parse(modern.body()).at("/result/content/0/text").asText()).isEqualTo("user-k2/principal-of-k2");
    }

    @Test
    void sessionOfOnePrincipal_isNotFoundForAnother() throws Exception {
        String session = initialize("owner");
        HttpResponse<String> stolen = post(WHOAMI, "X-API-Key", "thief", "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertThat(stolen.statusCode()).isEqualTo(404);

        HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(endpoint).DELETE().header("Mcp-Session-Id", session)
                .header("X-API-Key", "thief").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(404);

        HttpResponse<String> own = post(WHOAMI, "X-API-Key", "owner", "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertThat(own.statusCode()).isEqualTo(200);
    }

    @Test
    void insufficientScope_isHttp403WithAStepUpChallenge_inTheLegacyEraToo() throws Exception {
        String session = initialize("k3");
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"admin\"}}",
                "X-API-Key", "k3", "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).isEqualTo("Bearer error=\"insufficient_scope\", scope=\"admin\"");
        assertThat(Json.parse(r.body()).at("/error/message").asText()).isEqualTo("Forbidden: admin needs scope admin");
    }
}
