package dev.sluice.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.llm.eval.QuestionSet;
import dev.sluice.mcp.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvalCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void providerNone_onTheDemoSet_reportsRecall_andAccuracyNotMeasured(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("none.jsonl");
        CliRun r = run("eval", "--source", "demo", "--questions", "demo", "--provider", "none", "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("provider             none\n", "questions            30\n",
                "execution accuracy   not measured (no model: provider none)", "retrieval recall     100.0% (30 of 30)",
                "tokens in / out      0 / 0");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(30);
        JsonNode first = Json.parse(lines.getFirst());
        assertThat(first.path("status").asText()).isEqualTo("no_model");
        assertThat(first.path("match").isNull()).isTrue();
        assertThat(first.path("retrieval_hit").asBoolean()).isTrue();
    }

    @Test
    void openAiCompatibleModel_scriptedRightAndWrong_reportsAccuracyTokensAndJsonLines(@TempDir Path dir) throws Exception {
        List<String> gold = QuestionSet.demo().stream().limit(3).map(q -> q.goldSql()).toList();
        Deque<String> script = new ArrayDeque<>(List.of(gold.get(0), "SELECT now() AS event_time, 'x' AS text", gold.get(2)));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String content;
            synchronized (script) {
                content = script.poll();
            }
            String body = """
                    {"id":"c1","object":"chat.completion","created":1760000000,"model":"fake-sql-1",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}"""
                    .formatted(Json.text(Json.MAPPER.getNodeFactory().textNode(content == null ? "SELECT 1" : content)));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
        });
        server.start();
        try {
            Path out = dir.resolve("run.jsonl");
            CliRun r = run("eval", "--source", "demo", "--questions", "demo", "--limit", "3", "--provider", "openai",
                    "--base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "--model", "fake-sql-1",
                    "--output", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("provider             openai (fake-sql-1)", "questions            3\n",
                    "execution accuracy   66.7% (2 of 3; 3 generated)", "retrieval recall     100.0% (3 of 3)",
                    "attempts / repairs   3 / 0", "tokens in / out      300 / 60", "per question: " + out);
            assertThat(r.err()).contains("[1/3] generated match: When is the first release deadline?",
                    "[2/3] generated no match: 最初のリリースの締め切りはいつですか？");
            List<JsonNode> lines = Files.readAllLines(out).stream().map(Json::parse).toList();
            assertThat(lines).extracting(l -> l.path("match").asBoolean()).containsExactly(true, false, true);
            assertThat(lines).extracting(l -> l.path("generated_sql").asText())
                    .containsExactly(gold.get(0), "SELECT now() AS event_time, 'x' AS text", gold.get(2));
            assertThat(lines).extracting(l -> l.path("gold_sql").asText()).containsExactlyElementsOf(gold);
            assertThat(lines.get(1).path("error").asText()).isEqualTo("rows differ from the gold SQL's (gold 1 rows, generated 1)");
            assertThat(lines.getFirst().path("tokens").toString()).isEqualTo("{\"input\":100,\"output\":20}");
            assertThat(lines.getFirst().path("gold_tables").toString()).isEqualTo("[\"main.slack_messages\"]");
            assertThat(lines.getFirst().path("latency_ms").path("total").asDouble())
                    .isGreaterThanOrEqualTo(lines.getFirst().path("latency_ms").path("without_llm").asDouble());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void missingQuestionFile_failsWithWhatToGive(@TempDir Path dir) {
        CliRun r = run("eval", "--source", "demo", "--questions", dir.resolve("nope.csv").toString(), "--provider", "none");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("question file not found: ", "nope.csv (give a CSV with the header database,question,sql");
    }

    @Test
    void unknownSource_failsNamingTheConfiguredOnes() {
        CliRun r = run("eval", "--source", "lake", "--questions", "demo", "--provider", "none");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("sluice: unknown source 'lake'; configured sources: demo (no --config: only the demo lake)");
    }

    @Test
    void malformedCsvRow_failsWithFileAndLine(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("q.csv"), "database,question,sql\ndemo,How many users?,SELECT count(*) FROM main.slack_users\n"
                + "demo,no sql here\n");
        CliRun r = run("eval", "--source", "demo", "--questions", csv.toString(), "--provider", "none");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(csv + ":3: expected 3 fields (database,question,sql), got 2");
    }

    @Test
    void sampling_isRefusedWithWhatToUseInstead() {
        CliRun r = run("eval", "--source", "demo", "--questions", "demo", "--provider", "sampling");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("provider sampling asks the connected MCP client's model, and sluice eval has no client");
    }

    @Test
    void unknownProvider_andBadLimit_areRefused() {
        assertThat(run("eval", "--source", "demo", "--questions", "demo", "--provider", "gpt").err())
                .contains("unknown provider 'gpt'; use anthropic, openai, bedrock or none");
        assertThat(run("eval", "--source", "demo", "--questions", "demo", "--limit", "0").err())
                .contains("--limit must be at least 1, got 0");
    }
}
