package dev.sluice.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.audit.AuditQuery;
import dev.sluice.audit.AuditRecord;
import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.config.SluiceConfig;
import dev.sluice.llm.testing.FakeOpenAi;
import dev.sluice.llm.testing.UtcTestClock;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.transport.http.McpHttpServer;
import dev.sluice.server.HttpLauncher;
import dev.sluice.server.SluiceServerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop on a running server: a natural-language {@code execute_query} is answered by an
 * OpenAI-compatible model and audited, an operator promotes it with {@code sluice examples add
 * --from-audit}, and the next similar question's prompt carries it as a verified example, with no restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExamplesFromAuditEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String QUESTION = "How many customers are there per country?";
    private static final String SQL = "SELECT country, count(*) AS customers FROM analytics.customers GROUP BY country ORDER BY customers DESC";

    /** The system clock, moved ahead by the test: the server looks at the examples file at most once a second. */
    static final class AheadClock extends UtcTestClock {
        private volatile Duration ahead = Duration.ZERO;

        void advance(Duration d) {
            ahead = ahead.plus(d);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }

    @Test
    void anAuditedAnswer_promotedFromTheAudit_isAFewShotExampleInTheNextSimilarPrompt(@TempDir Path dir) throws Exception {
        AheadClock clock = new AheadClock();
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Path examples = dir.resolve("verified-examples.csv");
            Path configFile = Files.writeString(dir.resolve("sluice.yaml"), "server: { stateless: true }\n"
                    + "llm:\n" + llm.settingsYaml() + "  retrieval: lexical\n  examples: " + examples + "\n"
                    + "audit: { store: " + dir.resolve("audit.db") + " }\n");
            SluiceConfig config = ConfigLoader.load(configFile);
            try (SluiceServerFactory.Running app = SluiceServerFactory.create(config, "http://127.0.0.1/mcp", clock);
                 McpHttpServer http = HttpLauncher.start(app, config.server().withHostAndPort("127.0.0.1", 0))) {
                String base = "http://127.0.0.1:" + http.port() + "/mcp";

                llm.answer("```sql\n" + SQL + "\n```").answer("Most customers are in Japan.");
                JsonNode answered = call(base, "asked-1", "execute_query", QUESTION);
                assertThat(answered.path("success").asBoolean()).as(answered.toString()).isTrue();
                assertThat(answered.path("sql").asText()).isEqualTo(SQL);
                assertThat(llm.promptText(0)).contains("Question: " + QUESTION).doesNotContain("Verified examples");

                AuditRecord audited = app.governance().audit().search(AuditQuery.all().unlimited()).stream()
                        .filter(r -> "asked-1".equals(r.requestId())).findFirst().orElseThrow();
                assertThat(audited.question()).isEqualTo(QUESTION);
                CliRun promoted = CliRun.of("examples", "add", "--config", configFile.toString(), "--from-audit", audited.id());
                assertThat(promoted.exit()).as(promoted.err()).isZero();
                assertThat(promoted.out()).contains("(1 example)");

                clock.advance(Duration.ofSeconds(1));
                llm.answer("```sql\nSELECT count(*) AS customers FROM analytics.customers WHERE country = 'JP'\n```");
                String similar = "How many customers are there in Japan?";
                JsonNode generated = call(base, "asked-2", "text_to_sql", similar);
                assertThat(generated.path("status").asText()).as(generated.toString()).isEqualTo("generated");
                assertThat(generated.path("notes").toString()).contains("examples: 1 verified example in the prompt");

                List<String> bodies = llm.bodies();
                assertThat(bodies).hasSize(3); // SQL, summary, SQL
                JsonNode request = Json.parse(bodies.get(2));
                String user = request.path("messages").get(request.path("messages").size() - 1).path("content").asText();
                assertThat(user).contains("Verified examples for this source:\nQuestion: " + QUESTION + "\n```sql\n" + SQL + "\n```\n")
                        .endsWith("Question: " + similar + "\n");
            }
        }
    }

    /** A stateless tools/call of {@code tool} with a natural-language question; the structured result. */
    private static JsonNode call(String url, String requestId, String tool, String question) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":\"" + requestId + "\",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{\"natural_language_query\":" + Json.text(Json.MAPPER.getNodeFactory().textNode(question)) + "}}}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String json = r.body().startsWith("{") ? r.body()
                : r.body().lines().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b).orElseThrow().substring(6);
        return Json.parse(json).path("result").path("structuredContent");
    }
}
