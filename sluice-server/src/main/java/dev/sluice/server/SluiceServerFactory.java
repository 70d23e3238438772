package dev.sluice.server;

import dev.sluice.core.config.SluiceConfig;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.llm.provider.LlmProviders;
import dev.sluice.llm.provider.LlmSettings;
import dev.sluice.llm.schema.TextEmbedder;
import dev.sluice.llm.sql.LlmQuestionAnswering;
import dev.sluice.llm.sql.TextToSql;
import dev.sluice.llm.sql.TextToSqlSettings;
import dev.sluice.llm.sql.TextToSqlTools;
import dev.sluice.llm.sql.VerifiedExamples;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.server.governance.Governance;
import dev.sluice.sql.result.ResultStore;
import dev.sluice.sql.result.ResultStoreConfig;
import dev.sluice.sql.source.SourceDefinition;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.tools.DataTools;
import dev.sluice.sql.tools.QueryRunner;
import dev.sluice.sql.tools.SqlToolDefinition;
import dev.sluice.sql.tools.SqlTools;
import dev.sluice.sql.tools.SqlToolsConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds Sluice's own MCP server from configuration: validates every source and configured tool
 * (phase one, nothing connects), opens the sources (phase two), and registers the data tools.
 */
public final class SluiceServerFactory {
    private SluiceServerFactory() {
    }

    /** The server plus what must be closed with it; the audit log closes last so it records everything before. */
    public record Running(McpServer server, Sources sources, ResultStore results, Governance governance, LlmProviders llm)
            implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            llm.close();
            results.close();
            sources.close();
            governance.close();
        }
    }

    public static Running create(SluiceConfig config, String endpoint, Clock clock) {
        List<SourceDefinition> definitions = Sources.validate(config.sources(), SourceKinds.builtIn());
        List<SqlToolDefinition> sqlTools = SqlToolsConfig.read(config.tools(), definitions.stream().map(SourceDefinition::name).toList());
        config.tools().rejectUnknownKeys();
        TextToSql pipeline = textToSql(config, clock);
        LlmProviders llm = LlmProviders.create(LlmSettings.read(config.llm()));
        Governance governance = Governance.create(config, clock);
        Sources sources = Sources.openInBackground(definitions);
        ResultStore results = new ResultStore(defaultResultStore(), clock);
        ServerFacts facts = new ServerFacts("sluice", SluiceVersion.VERSION, clock.instant(), endpoint,
                config.server().stateless(), ProtocolVersion.ALL);
        McpServer.Builder builder = McpServer.builder("sluice", SluiceVersion.VERSION)
                .title("Sluice")
                .instructions("Sluice gives governed, read-only SQL access to an organisation's data. Start with list_tables and "
                        + "describe_table, then run one read-only query per execute_query call; page large results with "
                        + "fetch_query_results.")
                .clock(clock);
        QueryRunner runner = new QueryRunner(results);
        new DataTools(sources, runner, facts, clock, new LlmQuestionAnswering(pipeline, llm)).register(builder);
        TextToSqlTools.register(builder, sources, llm, pipeline);
        SqlTools.register(builder, sqlTools, sources, runner);
        if (config.server().requestStateKey() != null) {
            builder.requestStateKey(config.server().requestStateKey().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> sqlToolSources = sqlTools.stream().collect(Collectors.toMap(SqlToolDefinition::name, SqlToolDefinition::source));
        governance.install(builder, sqlToolSources::get, () -> defaultSourceName(sources));
        McpServer server = builder.build();
        governance.hideClaimArguments(server);
        return new Running(server, sources, results, governance, llm);
    }

    /**
     * The text-to-SQL pipeline with three settings around the {@code llm} section's provider keys:
     * {@code examples} (a CSV of verified question/SQL pairs, followed while the server runs, that
     * {@code sluice examples add} appends to), {@code retrieval} ({@code hybrid},
     * the default, adds the in-process embedding model for schemas too large to send whole;
     * {@code lexical} keeps to BM25) and {@code clarifying_questions} ({@code true}, the default, lets
     * the model ask the user one clarifying question about an ambiguous question where the client
     * accepts elicitation; {@code false} never offers it).
     */
    public static TextToSql textToSql(SluiceConfig config, Clock clock) {
        String examples = config.llm().string("examples", null);
        String retrieval = config.llm().string("retrieval", "hybrid");
        if (!retrieval.equals("hybrid") && !retrieval.equals("lexical")) {
            throw config.llm().error("retrieval", "must be hybrid or lexical, got " + retrieval);
        }
        boolean clarify = config.llm().bool("clarifying_questions", true);
        VerifiedExamples verified = examples == null ? VerifiedExamples.none() : VerifiedExamples.watch(Path.of(examples), clock);
        return new TextToSql(clock, verified, TextToSqlSettings.DEFAULTS.withClarifyingQuestions(clarify),
                retrieval.equals("hybrid") ? TextEmbedder.miniLm() : null);
    }

    private static String defaultSourceName(Sources sources) {
        try {
            return sources.defaultSource().name();
        } catch (RuntimeException e) {
            return null; // no source opened; the tool will say so
        }
    }

    /** Results live in a private temp directory: 128 MB in memory for all, 2 GB (on disk) per result, one hour. */
    static ResultStoreConfig defaultResultStore() {
        try {
            Path dir = Files.createTempDirectory("sluice-results-");
            dir.toFile().deleteOnExit();
            return new ResultStoreConfig(dir, 128L * 1024 * 1024, 8L * 1024 * 1024, 2L * 1024 * 1024 * 1024, Duration.ofHours(1), 1000);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for query results", e);
        }
    }
}
