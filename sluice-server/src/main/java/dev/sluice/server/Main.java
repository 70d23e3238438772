package dev.sluice.server;

import dev.sluice.server.cli.SluiceCommand;
import picocli.CommandLine;

/** Entry point of the {@code sluice} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exit = SluiceCommand.commandLine().execute(args);
        if (exit != 0 || !SluiceCommand.keepsRunning(args)) {
            System.exit(exit);
        }
    }
}
