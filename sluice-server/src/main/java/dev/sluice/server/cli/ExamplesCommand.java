package dev.sluice.server.cli;

import dev.sluice.audit.AuditLog;
import dev.sluice.core.config.SluiceConfig;
import dev.sluice.llm.sql.ExampleCheck;
import dev.sluice.llm.sql.ExamplesFile;
import dev.sluice.llm.sql.VerifiedExample;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sluice examples add|list}: the verified question/SQL pairs ({@code llm.examples}) that
 * text-to-SQL shows the model for similar questions. {@code add} promotes an audited answer or a
 * hand-written pair after the checks of {@link ExampleCheck}; a running server uses it within a second.
 */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = "Add and list verified question/SQL examples (llm.examples), e.g. from a good answer in the audit log.",
        subcommands = {ExamplesCommand.Add.class, ExamplesCommand.ListExamples.class})
final class ExamplesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The file {@code llm.examples} names. */
    static ExamplesFile file(SluiceConfig config) {
        String path = config.llm().string("examples", null);
        if (path == null) {
            throw new IllegalArgumentException("llm.examples is not set in " + config.origin() + "; add it to the configuration "
                    + "(llm: { examples: ./verified-examples.csv }) and pass that --config, so sluice examples writes the file the server reads");
        }
        return new ExamplesFile(Path.of(path));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an example: a successful audited call (--from-audit ID; ids are in `sluice audit search --format jsonl`) "
                    + "or a pair written by hand (--source, --question, --sql).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOptions config = new ConfigOptions();
        @Option(names = "--from-audit", paramLabel = "ID", description = "The audit record of a good answer")
        String auditId;
        @Option(names = "--source", description = "The source it applies to, or * for every source")
        String source;
        @Option(names = "--question", description = "The question as a user would ask it")
        String question;
        @Option(names = "--sql", description = "One read-only statement that answers it")
        String sql;

        @Override
        public Integer call() {
            SluiceConfig loaded = config.load();
            ExamplesFile file = file(loaded);
            VerifiedExample example = auditId != null ? fromAudit() : handWritten();
            Optional<String> problem = ExampleCheck.problem(example, Sources.validate(loaded.sources(), SourceKinds.builtIn()));
            if (problem.isPresent()) {
                throw new IllegalArgumentException("not added: " + problem.get());
            }
            int count = file.append(example);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Added to " + file.file() + " (" + count + (count == 1 ? " example" : " examples")
                    + "); a running server uses it within a second:");
            print(count, example, out);
            out.flush();
            return 0;
        }

        private VerifiedExample fromAudit() {
            if (source != null || question != null || sql != null) {
                throw new IllegalArgumentException("give --from-audit ID, or --source, --question and --sql; not both");
            }
            try (AuditLog log = AuditCommand.open(config)) {
                return AuditedExample.from(log.get(auditId).orElseThrow(() -> new IllegalArgumentException("no audit record has the id '"
                        + auditId + "' in " + log.location() + "; `sluice audit search --format jsonl` shows record ids")));
            }
        }

        private VerifiedExample handWritten() {
            List<String> missing = new ArrayList<>();
            String[][] given = {{"--source", source}, {"--question", question}, {"--sql", sql}};
            for (String[] option : given) {
                if (option[1] == null || option[1].isBlank()) {
                    missing.add(option[0]);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("give --from-audit ID, or all of --source, --question and --sql (missing: "
                        + String.join(", ", missing) + ")");
            }
            return new VerifiedExample(source, question, sql);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Print the examples, numbered as in the file.")
    static final class ListExamples implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOptions config = new ConfigOptions();
        @Option(names = "--source", description = "Only those shown for this source (its own and those for *)")
        String source;

        @Override
        public Integer call() {
            ExamplesFile file = file(config.load());
            List<VerifiedExample> all = file.list();
            PrintWriter out = spec.commandLine().getOut();
            int shown = 0;
            for (int i = 0; i < all.size(); i++) {
                VerifiedExample e = all.get(i);
                if (source == null || e.appliesTo(source)) {
                    print(i + 1, e, out);
                    shown++;
                }
            }
            out.println(shown + " of " + all.size() + " examples in " + file.file() + (source == null ? "" : " apply to source " + source));
            out.flush();
            return 0;
        }
    }

    /** {@code [n] source: question} and the SQL under it; later lines of either indented. */
    private static void print(int n, VerifiedExample e, PrintWriter out) {
        out.println("[" + n + "] " + visible(e.source()) + ": " + visible(e.question()).replace("\n", "\n    "));
        out.println("    " + visible(e.sql()).replace("\n", "\n    "));
    }

    /** A hand-edited file may hold anything: no control character (a terminal escape) reaches the terminal. */
    private static String visible(String s) {
        return s.replace("\r\n", "\n").replaceAll("[\\p{Cc}&&[^\n\t]]", "\uFFFD");
    }
}
