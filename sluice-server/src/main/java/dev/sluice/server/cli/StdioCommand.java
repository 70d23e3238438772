package dev.sluice.server.cli;

import dev.sluice.audit.AuditSettings;
import dev.sluice.core.config.SluiceConfig;
import dev.sluice.mcp.transport.stdio.StdioServer;
import dev.sluice.server.SluiceServerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code sluice stdio}: the MCP server on stdin/stdout, for clients that spawn it. */
@Command(name = "stdio", mixinStandardHelpOptions = true, description = "Serve MCP over stdin/stdout (newline-delimited JSON-RPC).")
final class StdioCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions = new ConfigOptions();

    @Override
    public Integer call() throws Exception {
        SluiceConfig config = configOptions.load();
        if (AuditSettings.read(config.audit()).stdout()) {
            throw new IllegalArgumentException(config.origin() + ": audit.stdout cannot be used with sluice stdio, whose stdout carries "
                    + "the MCP protocol; remove it (the audit store still records every call)");
        }
        SluiceServerFactory.Running app = SluiceServerFactory.create(config, "stdio", Clock.systemUTC());
        // stdout carries protocol messages only: anything else printing to System.out goes to stderr
        PrintStream protocolOut = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false);
        System.setOut(System.err);
        try (app) {
            new StdioServer(app.server(), System.in, protocolOut, 16 * 1024 * 1024).run();
        }
        return 0;
    }
}
