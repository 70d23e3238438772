package dev.sluice.core.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestChannel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestConnectionToolTest {

    @Test
    void reportsServerHonestly_withNoSourcesAndNoLlm() {
        Instant started = Instant.parse("2026-11-21T10:00:00Z");
        Clock clock = Clock.fixed(started.plusSeconds(90), ZoneOffset.UTC);
        ServerFacts facts = new ServerFacts("sluice", "1.2.3", started, "http://127.0.0.1:8080/mcp", false, List.of("2026-07-28"));
        McpServer server = McpServer.builder("sluice", "1.2.3")
                .tool(TestConnectionTool.definition(), TestConnectionTool.handler(facts, clock)).build();
        ObjectNode params = Json.object();
        params.put("name", "test_connection");
        ObjectNode result = server.handle(new JsonRpcMessage.Request(Json.MAPPER.getNodeFactory().numberNode(1), "tools/call", params),
                new Caller("2025-11-25", false, null, Json.object(), null, null, null), new NoChannel());

        JsonNode report = result.path("structuredContent");
        assertThat(report.path("status").asText()).isEqualTo("ok");
        assertThat(report.path("server").path("version").asText()).isEqualTo("1.2.3");
        assertThat(report.path("server").path("uptime_seconds").asLong()).isEqualTo(90);
        assertThat(report.path("sources")).isEmpty();
        assertThat(report.path("llm").path("provider").asText()).isEqualTo("none");
        assertThat(report.path("guard").path("read_only").asBoolean()).isTrue();
        assertThat(result.path("content").get(0).path("text").asText()).isEqualTo(Json.text(report));
        assertThat(TestConnectionTool.definition().outputSchema().path("required")).hasSize(6);
    }

    private static final class NoChannel implements RequestChannel {
        private final Cancellation cancellation = new Cancellation();

        @Override
        public void notify(ObjectNode notification) {
        }

        @Override
        public JsonNode request(String method, ObjectNode params, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Cancellation cancellation() {
            return cancellation;
        }
    }
}
