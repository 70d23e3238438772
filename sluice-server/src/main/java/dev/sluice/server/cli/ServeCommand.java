package dev.sluice.server.cli;

import dev.sluice.core.config.ServerSettings;
import dev.sluice.core.config.SluiceConfig;
import dev.sluice.mcp.transport.http.HttpTransportConfig;
import dev.sluice.mcp.transport.http.McpHttpServer;
import dev.sluice.security.AuthSettings;
import dev.sluice.server.HttpLauncher;
import dev.sluice.server.SluiceServerFactory;
import dev.sluice.server.SluiceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code sluice serve}: the MCP server over Streamable HTTP. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the MCP server over Streamable HTTP at /mcp.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Option(names = "--host", description = "Address to bind (default: 127.0.0.1)")
    String host;

    @Option(names = "--port", description = "Port to listen on (default: 8080; 0 picks a free port)")
    Integer port;

    @Option(names = "--stateless", description = "Keep no sessions (for load balancers and function runtimes)")
    boolean stateless;

    @Override
    public Integer call() throws Exception {
        SluiceConfig config = configOptions.load();
        ServerSettings s = config.server().withHostAndPort(host, port);
        if (stateless) {
            s = new ServerSettings(s.host(), s.port(), true, s.allowedHosts(), s.allowedOrigins(), s.maxBodyBytes(),
                    s.sessionIdleTimeout(), s.maxSessions(), s.requestStateKey());
        }
        requireLoopbackWithoutAuth(AuthSettings.read(config.auth()), s.host());
        SluiceServerFactory.Running app = SluiceServerFactory.create(config.withServer(s), HttpLauncher.endpoint(s.host(), s.port()),
                Clock.systemUTC());
        McpHttpServer http = HttpLauncher.start(app, s);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(http);
            closeQuietly(app);
        }, "sluice-shutdown"));
        long startMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("Sluice %s listening on %s (%s; config: %s; started in %d ms)%n", SluiceVersion.VERSION,
                HttpLauncher.endpoint(s.host(), http.port()), s.stateless() ? "stateless" : "sessions and stateless",
                config.origin(), startMillis);
        System.out.flush();
        return 0;
    }

    /** Without an {@code auth} section only loopback binds are allowed (SPEC 2.5). */
    static void requireLoopbackWithoutAuth(AuthSettings auth, String host) {
        if (!auth.enabled() && !HttpTransportConfig.isLoopback(host)) {
            throw new IllegalArgumentException("refusing to listen on " + host + " without authentication: "
                    + "unauthenticated servers may bind only to loopback (127.0.0.1, ::1, localhost). Configure auth.api_keys "
                    + "or auth.oauth (docs/security.md), or bind to 127.0.0.1.");
        }
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }
}
