/** The {@code sluice} command line (picocli): one class per subcommand. */
package dev.sluice.server.cli;
