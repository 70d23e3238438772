package dev.sluice.server.cli;

import dev.sluice.server.SluiceVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/** The top-level {@code sluice} command. */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = SluiceCommand.Version.class,
        description = "Governed MCP server and gateway for your organisation's data.",
        subcommands = {ServeCommand.class, StdioCommand.class, KeysCommand.class, AuditCommand.class, ConformanceServerCommand.class,
                BenchCommand.class, EvalCommand.class, ExamplesCommand.class,
                CommandLine.HelpCommand.class})
public final class SluiceCommand implements Runnable {
    private static final Set<String> LONG_RUNNING = Set.of("serve", "conformance-server", "stdio");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SluiceCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("sluice: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return cli;
    }

    /** Servers return from their command once started; the JVM must then stay up. */
    public static boolean keepsRunning(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return LONG_RUNNING.contains(arg);
            }
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return false;
            }
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"sluice " + SluiceVersion.VERSION, "Java " + Runtime.version()};
        }
    }
}
