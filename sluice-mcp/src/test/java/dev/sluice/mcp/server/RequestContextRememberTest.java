package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.InputRequest;
import dev.sluice.mcp.model.Tool;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RequestContext#remember}: computed once per request, across 2026-07-28 input_required rounds. */
class RequestContextRememberTest {
    private final AtomicInteger computed = new AtomicInteger();

    /** A tool that "asks a model" (counted), then asks the user to confirm what it said. */
    private McpServer server() {
        return McpServer.builder("t", "1")
                .inlineTool(Tool.of("guess", "guesses, then asks", (ObjectNode) Json.parse("{\"type\":\"object\"}")), (args, ctx) -> {
                    JsonNode guess = ctx.remember("guess", () -> Json.MAPPER.getNodeFactory().textNode("guess " + computed.incrementAndGet()));
                    JsonNode answer = ctx.ask("confirm", InputRequest.elicit("Is it " + guess.asText() + "?",
                            (ObjectNode) Json.parse("{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"}}}")));
                    return CallToolResult.text(guess.asText() + ": " + answer.path("action").asText());
                })
                .build();
    }

    private static Caller caller(boolean modern) {
        ObjectNode caps = Json.object();
        caps.putObject("elicitation");
        return new Caller(modern ? ProtocolVersion.V2026_07_28 : ProtocolVersion.V2025_11_25, modern, null, caps, null, null, "alice");
    }

    private static ObjectNode handle(McpServer server, ObjectNode params, Caller caller, RequestChannel channel) {
        return server.handle(new JsonRpcMessage.Request(Json.MAPPER.getNodeFactory().numberNode(1), "tools/call", params), caller, channel);
    }

    private static ObjectNode call() {
        ObjectNode p = Json.object();
        p.put("name", "guess");
        p.putObject("arguments");
        return p;
    }

    @Test
    void modern_valueComputedBeforeInputRequired_comesBackFromRequestState_notComputedAgain() {
        McpServer server = server();
        ObjectNode first = handle(server, call(), caller(true), RequestChannel.detached(new Cancellation()));
        assertThat(first.path("resultType").asText()).isEqualTo("input_required");
        assertThat(first.at("/inputRequests/confirm/params/message").asText()).isEqualTo("Is it guess 1?");
        assertThat(first.path("inputRequests").fieldNames()).toIterable().containsExactly("confirm");

        ObjectNode retry = call();
        retry.put("requestState", first.path("requestState").asText());
        retry.putObject("inputResponses").putObject("confirm").put("action", "accept").putObject("content").put("ok", true);
        ObjectNode second = handle(server, retry, caller(true), RequestChannel.detached(new Cancellation()));

        assertThat(second.path("resultType").asText()).isEqualTo("complete");
        assertThat(second.at("/content/0/text").asText()).isEqualTo("guess 1: accept");
        assertThat(computed.get()).isEqualTo(1);
    }

    @Test
    void modern_withoutRequestState_computesAfresh() {
        McpServer server = server();
        handle(server, call(), caller(true), RequestChannel.detached(new Cancellation()));
        ObjectNode again = handle(server, call(), caller(true), RequestChannel.detached(new Cancellation()));
        assertThat(again.at("/inputRequests/confirm/params/message").asText()).isEqualTo("Is it guess 2?");
    }

    @Test
    void legacy_justComputes() {
        RequestChannel answering = new RequestChannel() {
            private final Cancellation cancellation = new Cancellation();

            @Override
            public void notify(ObjectNode notification) {
            }

            @Override
            public JsonNode request(String method, ObjectNode params, java.time.Duration timeout) {
                return Json.parse("{\"action\":\"decline\"}");
            }

            @Override
            public Cancellation cancellation() {
                return cancellation;
            }
        };
        ObjectNode result = handle(server(), call(), caller(false), answering);
        assertThat(result.at("/content/0/text").asText()).isEqualTo("guess 1: decline");
        assertThat(computed.get()).isEqualTo(1);
    }
}
