package dev.sluice.server.cli;

import dev.sluice.audit.AuditFormatter;
import dev.sluice.audit.AuditLog;
import dev.sluice.audit.AuditQuery;
import dev.sluice.audit.AuditSettings;
import dev.sluice.audit.AuditStores;
import dev.sluice.server.governance.AuditFilters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/** {@code sluice audit tail|search|export}: read the audit log the server writes ({@code audit.store}). */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read the audit log: tail, search, export as JSON lines.",
        subcommands = {AuditCommand.Tail.class, AuditCommand.Search.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static AuditLog open(ConfigOptions options) {
        AuditSettings settings = AuditSettings.read(options.load().audit());
        if (!settings.isPostgres() && !Files.isRegularFile(Path.of(settings.store()))) {
            throw new IllegalArgumentException("no audit log at " + Path.of(settings.store()).toAbsolutePath()
                    + "; run this where sluice serve runs, or pass the --config that names audit.store");
        }
        // reading only: never mirror to stdout, which carries this command's output
        return AuditStores.open(new AuditSettings(settings.store(), settings.user(), settings.password(), settings.sync(),
                Duration.ZERO, false, settings.maxArgumentBytes()), Clock.systemUTC());
    }

    /** Filters shared by search and export. */
    static final class Filters {
        @Option(names = "--since", description = "From this time (ISO-8601, e.g. 2026-11-21T00:00:00Z) or this long ago (e.g. 2h, 7d)")
        String since;
        @Option(names = "--until", description = "Before this time (ISO-8601)")
        String until;
        @Option(names = "--principal", description = "Only this principal, e.g. apikey:claude")
        String principal;
        @Option(names = "--tool", description = "Only this tool")
        String tool;
        @Option(names = "--status", description = "ok, error, refused, cancelled, timeout, unauthenticated, forbidden, rate_limited")
        String status;
        @Option(names = "--source", description = "Only this source")
        String source;
        @Option(names = "--kind", description = "tool_call or refused_request")
        String kind;
        @Option(names = "--text", description = "Records whose question, SQL, arguments or error contain this text")
        String text;

        AuditQuery query(Clock clock) {
            AuditQuery q = AuditQuery.all();
            if (since != null) {
                q = q.withFrom(instant(since, clock));
            }
            if (until != null) {
                q = q.withTo(instant(until, clock));
            }
            String[][] named = {{"principal", principal}, {"tool", tool}, {"status", status}, {"source", source}, {"kind", kind},
                    {"text", text}};
            for (String[] filter : named) {
                if (filter[1] != null) {
                    q = AuditFilters.narrow(q, filter[0], filter[1]).orElseThrow();
                }
            }
            return q;
        }

        static Instant instant(String value, Clock clock) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notAnInstant) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([smhd])").matcher(value);
                if (!m.matches()) {
                    throw new IllegalArgumentException("not a time: " + value + " (use ISO-8601 like 2026-11-21T09:00:00Z, or 30m, 2h, 7d)");
                }
                long n = Long.parseLong(m.group(1));
                Duration ago = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                return clock.instant().minus(ago);
            }
        }
    }

    @Command(name = "tail", mixinStandardHelpOptions = true, description = "The newest records, oldest first.")
    static final class Tail implements Callable<Integer> {
        @Mixin
        ConfigOptions config = new ConfigOptions();
        @Option(names = {"-n", "--lines"}, defaultValue = "20", description = "How many records (default 20)")
        int lines;
        @Option(names = "--format", defaultValue = "table", description = "table or jsonl")
        String format;

        @Override
        public Integer call() {
            try (AuditLog log = open(config)) {
                print(log.tail(lines), AuditFormatter.Format.parse(format), System.out);
            }
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Records matching filters, newest first.")
    static final class Search implements Callable<Integer> {
        @Mixin
        ConfigOptions config = new ConfigOptions();
        @Mixin
        Filters filters = new Filters();
        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default 100)")
        int limit;
        @Option(names = "--format", defaultValue = "table", description = "table or jsonl")
        String format;

        @Override
        public Integer call() {
            try (AuditLog log = open(config)) {
                print(log.search(filters.query(Clock.systemUTC()).withLimit(limit)), AuditFormatter.Format.parse(format), System.out);
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Every matching record as JSON lines, newest first.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOptions config = new ConfigOptions();
        @Mixin
        Filters filters = new Filters();
        @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (the only export format)")
        String format;
        @Option(names = {"-o", "--output"}, description = "Write to this file instead of stdout")
        Path output;

        @Override
        public Integer call() throws IOException {
            if (!"jsonl".equals(format)) {
                throw new IllegalArgumentException("export writes JSON lines only: --format jsonl");
            }
            try (AuditLog log = open(config);
                 Writer out = output == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                         : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                long n = log.export(filters.query(Clock.systemUTC()).unlimited(), out);
                out.flush();
                System.err.println("exported " + n + " records");
            }
            return 0;
        }
    }

    private static void print(Iterable<dev.sluice.audit.AuditRecord> records, AuditFormatter.Format format, PrintStream out) {
        StringBuilder text = new StringBuilder();
        AuditFormatter.printAll(records, format, text);
        out.print(text);
        out.flush();
    }
}
