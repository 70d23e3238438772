package bench;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/**
 * Benchmark reference server: official MCP Java SDK 2.1.0, STATELESS Streamable HTTP
 * (HttpServletStatelessServerTransport) on embedded Tomcat 11, one tool "echo".
 *
 * Usage: java -jar java-sdk-bench-server.jar PORT   (binds 127.0.0.1:PORT, path /mcp)
 */
public final class JavaSdkEchoServer {

    private static final String ECHO_SCHEMA = """
            {"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}""";

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;

        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .messageEndpoint("/mcp")
                .build();

        McpSchema.Tool echoTool = McpSchema.Tool.builder()
                .name("echo")
                .description("Echoes the given text back")
                .inputSchema(McpJsonDefaults.getMapper(), ECHO_SCHEMA)
                .build();

        McpStatelessSyncServer server = McpServer.sync(transport)
                .serverInfo("java-sdk-bench", "2.1.0")
                // SDK default is false (sync handlers are hopped onto Reactor's boundedElastic
                // scheduler); -Dbench.immediateExecution=true runs them on the servlet thread.
                .immediateExecution(Boolean.getBoolean("bench.immediateExecution"))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(McpStatelessServerFeatures.SyncToolSpecification.builder()
                        .tool(echoTool)
                        .callHandler((ctx, req) -> {
                            Map<String, Object> a = req.arguments();
                            Object text = a == null ? null : a.get("text");
                            return McpSchema.CallToolResult.builder()
                                    .addTextContent(text == null ? "" : text.toString())
                                    .isError(false)
                                    .build();
                        })
                        .build())
                .build();

        Tomcat tomcat = new Tomcat();
        Path baseDir = Files.createTempDirectory("java-sdk-bench-tomcat");
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);

        Context ctx = tomcat.addContext("", null);
        Wrapper w = Tomcat.addServlet(ctx, "mcp", transport);
        w.setAsyncSupported(true);
        ctx.addServletMappingDecoded("/mcp", "mcp");

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                tomcat.stop();
                tomcat.destroy();
                try (var paths = Files.walk(baseDir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } catch (Exception ignored) {
            }
        }));

        tomcat.start();
        System.out.println("java-sdk stateless MCP server listening on http://127.0.0.1:" + port + "/mcp");
        tomcat.getServer().await();
    }
}
