package dev.sluice.mcp.transport.http;

import dev.sluice.mcp.server.McpServer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An embedded Jetty server carrying the MCP endpoint (plus any extra handlers, tried in order
 * after it). The MCP handler serves quick requests on the selector thread and starts a virtual
 * thread for anything that may block, so Jetty's own pool stays small. Idle sessions are swept
 * once a minute.
 */
public final class McpHttpServer implements AutoCloseable {
    private final Server jetty;
    private final ServerConnector connector;
    private final McpHttpHandler mcpHandler;
    private final McpServer server;

    public McpHttpServer(McpServer server, HttpTransportConfig config, String host, int port, List<Handler> extraHandlers) {
        this.server = server;
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("sluice-http");
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        this.connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(TimeUnit.MINUTES.toMillis(10));
        jetty.addConnector(connector);
        this.mcpHandler = new McpHttpHandler(server, config, Clock.systemUTC());
        if (extraHandlers.isEmpty()) {
            jetty.setHandler(mcpHandler);
        } else {
            Handler.Sequence handlers = new Handler.Sequence();
            handlers.addHandler(mcpHandler);
            extraHandlers.forEach(handlers::addHandler);
            jetty.setHandler(handlers);
        }
        jetty.setStopTimeout(2000);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("sluice-sweeper", true);
        jetty.addBean(scheduler);
        mcpHandler.sessions().ifPresent(sessions -> jetty.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(org.eclipse.jetty.util.component.LifeCycle event) {
                schedule(scheduler, sessions);
            }
        }));
    }

    private static void schedule(ScheduledExecutorScheduler scheduler, dev.sluice.mcp.server.SessionManager sessions) {
        scheduler.schedule(() -> {
            sessions.evictIdle();
            schedule(scheduler, sessions);
        }, 60, TimeUnit.SECONDS);
    }

    public McpHttpServer start() throws Exception {
        jetty.start();
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public McpHttpHandler handler() {
        return mcpHandler;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        server.close();
        mcpHandler.shutdown();
        mcpHandler.sessions().ifPresent(dev.sluice.mcp.server.SessionManager::closeAll);
        jetty.stop();
    }
}
