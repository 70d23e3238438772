package dev.sluice.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.transport.http.HttpTransportConfig;
import dev.sluice.mcp.transport.http.McpHttpServer;

import java.util.List;

/**
 * The comparison server of bench/compare.sh: Sluice's protocol stack with one tool, {@code echo},
 * exactly like the reference servers built from the official SDKs.
 * Run: {@code java -cp sluice-benchmarks.jar dev.sluice.bench.EchoServer PORT [stateless]}.
 */
public final class EchoServer {
    private EchoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        boolean stateless = args.length > 1 && args[1].equals("stateless");
        ObjectNode schema = (ObjectNode) Json.parse("{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}");
        McpServer server = McpServer.builder("sluice-echo", "1")
                .inlineTool(Tool.of("echo", "Echoes the text back", schema), (a, ctx) -> CallToolResult.text(a.path("text").asText()))
                .build();
        McpHttpServer http = new McpHttpServer(server, HttpTransportConfig.defaults("127.0.0.1").withStateless(stateless),
                "127.0.0.1", port, List.of()).start();
        System.out.println("listening on http://127.0.0.1:" + http.port() + "/mcp");
        http.join();
    }
}
