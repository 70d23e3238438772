package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.tools.ServerFacts;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestChannel;
import dev.sluice.sql.result.ResultStore;
import dev.sluice.sql.result.ResultStoreConfig;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One principal cannot take every slot of a source: its own limit refuses it first. */
class ConcurrencyLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aPrincipalAtItsLimit_isRefused_whileOthersStillRun() throws Exception {
        String yaml = "sources:\n  mem:\n    kind: duckdb\n    path: \":memory:\"\n    max_concurrent_queries_per_principal: 1\n    timeout: 60s\n";
        try (Sources sources = Sources.open(Sources.validate(ConfigLoader.parse("t.yaml", yaml, Map.of()).sources(), SourceKinds.builtIn()));
             ResultStore store = new ResultStore(ResultStoreConfig.defaults(dir), Clock.systemUTC())) {
            McpServer.Builder b = McpServer.builder("t", "1");
            new DataTools(sources, new QueryRunner(store), new ServerFacts("t", "1", Instant.now(), "t", false, List.of()),
                    Clock.systemUTC()).register(b);
            McpServer server = b.build();
            Cancellation longQuery = new Cancellation();
            CompletableFuture<JsonNode> running = CompletableFuture.completedFuture(null);
            JsonNode second = null;
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                if (running.isDone()) {
                    // (re)start the long query; it loses the race for alice's slot if a short query holds it
                    running = CompletableFuture.supplyAsync(() ->
                            call(server, "alice", "SELECT count(*) FROM range(1000000000000) a", longQuery));
                }
                second = call(server, "alice", "SELECT 1 AS one", new Cancellation());
                if (!second.path("success").asBoolean()) {
                    break;
                }
            }
            assertThat(second.path("guard").path("rule").asText()).isEqualTo("too_many_queries");
            assertThat(second.path("error").asText()).contains("already running 1 queries on source mem");
            assertThat(call(server, "bob", "SELECT 1 AS one", new Cancellation()).path("success").asBoolean()).isTrue();
            longQuery.cancel("done");
            assertThat(running.get(30, TimeUnit.SECONDS).path("error").asText()).contains("cancelled");
            assertThat(call(server, "alice", "SELECT 1 AS one", new Cancellation()).path("success").asBoolean()).isTrue();
        }
    }

    private static JsonNode call(McpServer server, String subject, String sql, Cancellation cancellation) {
        ObjectNode params = Json.object();
        params.put("name", "execute_query");
        params.putObject("arguments").put("sql_query", sql);
        ObjectNode result = server.handle(new JsonRpcMessage.Request(Json.MAPPER.getNodeFactory().numberNode(1), "tools/call", params),
                new Caller("2025-11-25", false, null, Json.object(), null, null, subject), RequestChannel.detached(cancellation));
        return result.path("structuredContent");
    }
}
