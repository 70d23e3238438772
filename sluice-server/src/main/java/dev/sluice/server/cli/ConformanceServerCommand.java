package dev.sluice.server.cli;

import dev.sluice.core.config.ServerSettings;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.security.AuthSettings;
import dev.sluice.mcp.transport.http.McpHttpServer;
import dev.sluice.server.HttpLauncher;
import dev.sluice.server.SluiceVersion;
import dev.sluice.testkit.ConformanceFixture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code sluice conformance-server}: the conformance fixture on Sluice's real protocol stack. */
@Command(name = "conformance-server", mixinStandardHelpOptions = true,
        description = "Serve the MCP conformance fixture (for @modelcontextprotocol/conformance) at /mcp.")
final class ConformanceServerCommand implements Callable<Integer> {
    @Option(names = "--host", description = "Address to bind (default: 127.0.0.1)")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port (default: 3001; 0 picks a free port)")
    int port = 3001;

    @Option(names = "--stateless", description = "Keep no sessions")
    boolean stateless;

    @Override
    public Integer call() throws Exception {
        ServeCommand.requireLoopbackWithoutAuth(AuthSettings.none(), host);
        McpServer server = ConformanceFixture.build(SluiceVersion.VERSION);
        ServerSettings d = ServerSettings.defaults();
        ServerSettings s = new ServerSettings(host, port, stateless, d.allowedHosts(), d.allowedOrigins(), d.maxBodyBytes(),
                d.sessionIdleTimeout(), d.maxSessions(), null);
        McpHttpServer http = HttpLauncher.start(server, s);
        ConformanceFixture.startWatchedResourceUpdates(server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ServeCommand.closeQuietly(http), "sluice-shutdown"));
        System.out.println("Sluice conformance fixture listening on " + HttpLauncher.endpoint(host, http.port()));
        System.out.flush();
        return 0;
    }
}
