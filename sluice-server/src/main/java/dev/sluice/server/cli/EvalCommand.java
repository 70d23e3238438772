package dev.sluice.server.cli;

import dev.sluice.core.config.SluiceConfig;
import dev.sluice.llm.eval.EvalQuestion;
import dev.sluice.llm.eval.EvalReport;
import dev.sluice.llm.eval.Evaluation;
import dev.sluice.llm.eval.QuestionSet;
import dev.sluice.llm.provider.BedrockApi;
import dev.sluice.llm.provider.LlmProviders;
import dev.sluice.llm.provider.LlmSettings;
import dev.sluice.llm.provider.ProviderKind;
import dev.sluice.llm.sql.TextToSql;
import dev.sluice.server.SluiceServerFactory;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceDefinition;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code sluice eval}: runs a question set through the server's text-to-SQL pipeline against one
 * source and reports execution accuracy, schema-retrieval recall, latency and tokens (docs/eval.md).
 * Exit 0 when the run completed, whatever the accuracy; 1 on bad input.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure text-to-SQL on a question set (CSV: database,question,sql): execution accuracy against the gold SQL,",
                "schema-retrieval recall, latency and tokens. --provider none measures retrieval recall only (no API key needed)."})
final class EvalCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config = new ConfigOptions();
    @Option(names = "--source", required = true, description = "The source to evaluate (demo without a config)")
    String source;
    @Option(names = "--questions", required = true, paramLabel = "FILE", description = "CSV with database,question,sql; 'demo' for the bundled set")
    String questions;
    @Option(names = "--provider", description = "anthropic, openai, bedrock or none (default: the config's llm.provider)")
    String provider;
    @Option(names = "--model", description = "Model name (default: the config's, else the provider's default)")
    String model;
    @Option(names = "--base-url", paramLabel = "URL", description = "API root, e.g. http://localhost:11434/v1 for a local OpenAI-compatible server")
    String baseUrl;
    @Option(names = "--limit", paramLabel = "N", description = "Only the first N questions")
    Integer limit;
    @Option(names = "--output", paramLabel = "FILE.jsonl", description = "Write one JSON line per question here")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        if (output != null && output.toAbsolutePath().getParent() != null && !Files.isDirectory(output.toAbsolutePath().getParent())) {
            throw new IllegalArgumentException("--output: directory does not exist: " + output.toAbsolutePath().getParent());
        }
        List<EvalQuestion> set = QuestionSet.load(questions);
        if (limit != null && limit < set.size()) {
            set = set.subList(0, limit);
        }
        SluiceConfig cfg = config.load();
        // the pipeline exactly as the server builds it (llm.examples, llm.retrieval)
        TextToSql pipeline = SluiceServerFactory.textToSql(cfg, Clock.systemUTC());
        LlmSettings settings = overridden(LlmSettings.read(cfg.llm()));
        List<SourceDefinition> definitions = Sources.validate(cfg.sources(), SourceKinds.builtIn());
        SourceDefinition definition = definitions.stream().filter(d -> d.name().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown source '" + source + "'; configured sources: "
                        + definitions.stream().map(SourceDefinition::name).collect(Collectors.joining(", "))
                        + (config.config == null ? " (no --config: only the demo lake)" : " (see sources in " + config.config + ")")));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int total = set.size();
        try (Sources sources = Sources.open(List.of(definition)); LlmProviders llm = LlmProviders.create(settings);
             Writer jsonl = output == null ? Writer.nullWriter() : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            Source src = sources.get(source).orElseThrow();
            int[] done = {0};
            EvalReport report = new Evaluation(pipeline, llm.forCall(null), src, Clock.systemUTC()).run(set, r -> {
                try {
                    jsonl.write(r.toJson().toString());
                    jsonl.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
                }
                done[0]++;
                err.println("[" + done[0] + "/" + total + "] " + r.status() + (r.match() == null ? "" : r.match() ? " match" : " no match")
                        + (r.retrievalHit() ? "" : " (retrieval missed a gold table)") + ": " + r.question().question());
                err.flush();
            });
            out.print(report.summary());
            if (output != null) {
                out.println("per question: " + output);
            }
            out.flush();
        }
        return 0;
    }

    /** The config's llm settings with --provider, --model and --base-url applied; sampling is refused. */
    LlmSettings overridden(LlmSettings base) {
        ProviderKind kind = base.provider();
        if (provider != null) {
            kind = ProviderKind.of(provider.trim().toLowerCase(java.util.Locale.ROOT)).filter(k -> k != ProviderKind.AUTO)
                    .orElseThrow(() -> new IllegalArgumentException("unknown provider '" + provider + "'; use anthropic, openai, bedrock or none"));
        }
        if (kind == ProviderKind.SAMPLING) {
            throw new IllegalArgumentException("provider sampling asks the connected MCP client's model, and sluice eval has no client; "
                    + "use --provider anthropic, openai or bedrock, or --provider none to measure retrieval recall only");
        }
        if (kind == ProviderKind.AUTO) {
            kind = ProviderKind.NONE; // no llm section and no client to sample: nothing writes SQL
        }
        boolean same = kind == base.provider();
        String m = kind == ProviderKind.NONE ? null : model != null ? model : same && base.model() != null ? base.model()
                : LlmSettings.DEFAULT_MODELS.get(kind);
        URI url = baseUrl != null ? parseUrl(baseUrl) : same ? base.baseUrl() : null;
        String apiKey = same ? base.apiKey() : null;
        if (apiKey == null && kind == ProviderKind.ANTHROPIC) {
            apiKey = blankToNull(System.getenv("ANTHROPIC_API_KEY"));
            if (apiKey == null) {
                throw new IllegalArgumentException("provider anthropic needs an API key: set ANTHROPIC_API_KEY, or llm.api_key in --config");
            }
        }
        if (apiKey == null && kind == ProviderKind.OPENAI) {
            apiKey = blankToNull(System.getenv("OPENAI_API_KEY"));
            if (apiKey == null && url == null) {
                throw new IllegalArgumentException("provider openai needs OPENAI_API_KEY (or llm.api_key in --config) for api.openai.com, "
                        + "or --base-url for a local server that needs no key");
            }
        }
        return new LlmSettings(kind, m, url, apiKey, same ? base.region() : null, base.timeout(), base.maxRetries(), base.maxTokens(),
                base.temperature(), same ? base.accessKeyId() : null, same ? base.secretAccessKey() : null, same ? base.sessionToken() : null,
                same ? base.bedrockApi() : BedrockApi.CONVERSE);
    }

    private static URI parseUrl(String text) {
        String t = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        try {
            URI uri = URI.create(t);
            if (uri.getHost() != null && Arrays.asList("http", "https").contains(uri.getScheme()) && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--base-url must be an http:// or https:// URL without credentials, such as "
                + "http://localhost:11434/v1, got '" + text + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
