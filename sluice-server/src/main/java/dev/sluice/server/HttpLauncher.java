package dev.sluice.server;

import dev.sluice.core.config.ServerSettings;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.transport.http.HttpTransportConfig;
import dev.sluice.mcp.transport.http.McpHttpServer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Starts the HTTP server for a configured {@link McpServer}. */
public final class HttpLauncher {
    private HttpLauncher() {
    }

    public static HttpTransportConfig transportConfig(ServerSettings s) {
        HttpTransportConfig base = HttpTransportConfig.defaults(s.host());
        Set<String> hosts = new HashSet<>(base.allowedHosts());
        hosts.addAll(s.allowedHosts());
        return base.withStateless(s.stateless())
                .withLimits(s.maxBodyBytes(), s.sessionIdleTimeout(), s.maxSessions())
                .withAllowed(hosts, Set.copyOf(s.allowedOrigins()));
    }

    public static McpHttpServer start(McpServer server, ServerSettings settings) throws Exception {
        return new McpHttpServer(server, transportConfig(settings), settings.host(), settings.port(), List.of()).start();
    }

    /** Sluice itself: the MCP endpoint behind authentication, plus the governance routes (metadata, metrics). */
    public static McpHttpServer start(SluiceServerFactory.Running app, ServerSettings settings) throws Exception {
        McpHttpServer http = new McpHttpServer(app.server(), transportConfig(settings), settings.host(), settings.port(),
                app.governance().routes());
        http.handler().setRequestGate(app.governance().gate());
        return http.start();
    }

    /** The URL clients use; IPv6 literals get brackets. */
    public static String endpoint(String host, int port) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port + "/mcp";
    }
}
