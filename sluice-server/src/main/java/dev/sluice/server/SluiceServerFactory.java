package dev.sluice.server;

import dev.sluice.core.config.ServerSettings;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.core.tools.TestConnectionTool;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.server.McpServer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Builds Sluice's own MCP server (as opposed to the conformance fixture) from configuration. */
public final class SluiceServerFactory {
    private SluiceServerFactory() {
    }

    public static McpServer create(ServerSettings settings, String endpoint, Clock clock) {
        ServerFacts facts = new ServerFacts("sluice", SluiceVersion.VERSION, clock.instant(), endpoint,
                settings.stateless(), ProtocolVersion.ALL);
        McpServer.Builder builder = McpServer.builder("sluice", SluiceVersion.VERSION)
                .title("Sluice")
                .instructions("Sluice gives governed, read-only access to an organisation's data. "
                        + "Call test_connection to see what is available.")
                .clock(clock)
                .inlineTool(TestConnectionTool.definition(), TestConnectionTool.handler(facts, clock));
        if (settings.requestStateKey() != null) {
            builder.requestStateKey(settings.requestStateKey().getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }
}
