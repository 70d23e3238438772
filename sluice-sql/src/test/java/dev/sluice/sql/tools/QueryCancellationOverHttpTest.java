package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.transport.http.HttpTransportConfig;
import dev.sluice.mcp.transport.http.McpHttpServer;
import dev.sluice.sql.postgres.PostgresConfig;
import dev.sluice.sql.postgres.PostgresSourceFactory;
import dev.sluice.sql.result.ResultStore;
import dev.sluice.sql.result.ResultStoreConfig;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceSettings;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long query started through the MCP endpoint is gone from PostgreSQL after each way a client
 * can stop it: {@code notifications/cancelled} (legacy session), closing the response stream
 * (2026-07-28), and the source timeout.
 */
class QueryCancellationOverHttpTest {
    private static final String LONG_QUERY = "SELECT count(*) FROM generate_series(1, 20000000000) AS g";
    @TempDir
    static Path dir;
    private static PostgresServer postgres;
    private static Sources sources;
    private static ResultStore store;
    private static McpHttpServer http;
    private static String url;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        postgres.createDatabase("cancel_test");
        SourceSettings d = SourceSettings.defaults();
        Source slow = new PostgresSourceFactory().validate("pg", dev.sluice.core.config.ConfigLoader.parse("t.yaml",
                "sources:\n  pg:\n    kind: postgres\n    url: " + postgres.jdbcUrl("cancel_test") + "\n    user: " + postgres.superuser() + "\n",
                java.util.Map.of()).sources().child("pg"), new SourceSettings(true, false, 100, Duration.ofSeconds(4), 4, 4,
                List.of(), List.of(), java.util.Map.of())).open();
        sources = Sources.of(List.of(slow));
        store = new ResultStore(ResultStoreConfig.defaults(dir), Clock.systemUTC());
        McpServer.Builder b = McpServer.builder("sluice", "test");
        new DataTools(sources, new QueryRunner(store), new ServerFacts("sluice", "t", Instant.now(), "t", false, List.of()),
                Clock.systemUTC()).register(b);
        http = new McpHttpServer(b.build(), HttpTransportConfig.defaults("127.0.0.1"), "127.0.0.1", 0, List.of()).start();
        url = "http://127.0.0.1:" + http.port() + "/mcp";
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        store.close();
        sources.close();
    }

    private static long running() throws Exception {
        try (Connection c = postgres.connect("cancel_test"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT count(*) FROM generate_series(1, 20000000000)%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitRunning(long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (running() != expected && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(running()).isEqualTo(expected);
    }

    private static HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void notificationsCancelled_onALegacySession_stopsTheQueryInPostgres() throws Exception {
        HttpResponse<String> init = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> {
            try {
                return post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"execute_query\","
                        + "\"arguments\":{\"sql_query\":\"" + LONG_QUERY + "\"}}}", "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitRunning(1);
        HttpResponse<String> cancel = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,\"reason\":\"user\"}}",
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
        assertThat(cancel.statusCode()).isEqualTo(202);
        awaitRunning(0);
        HttpResponse<String> response = call.get();
        assertThat(response.body()).doesNotContain("\"result\"");
    }

    @Test
    void closingTheResponseStream_stopsTheQueryInPostgres() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"execute_query\","
                + "\"arguments\":{\"sql_query\":\"" + LONG_QUERY + "\"},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", http.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + http.port() + "\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nMCP-Protocol-Version: 2026-07-28\r\nMcp-Method: tools/call\r\n"
                    + "Mcp-Name: execute_query\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            awaitRunning(1);
        }
        awaitRunning(0);
    }

    @Test
    void sourceTimeout_stopsTheQueryInPostgres_andSaysSo() throws Exception {
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"execute_query\","
                + "\"arguments\":{\"sql_query\":\"" + LONG_QUERY + "\"},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}", "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", "execute_query");
        String text = r.body();
        String json = text.startsWith("{") ? text : text.lines().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b).orElseThrow().substring(6);
        JsonNode result = Json.parse(json).path("result");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.path("structuredContent").path("error").asText()).contains("exceeded the timeout of 4 s");
        awaitRunning(0);
    }
}
