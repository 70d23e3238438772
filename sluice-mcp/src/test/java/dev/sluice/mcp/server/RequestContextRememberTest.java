package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.InputRequest;
import dev.sluice.mcp.model.Tool;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RequestContext#remember}: computed once per request, across 2026-07-28 input_required rounds. */
class RequestContextRememberTest {
    private final AtomicInteger computed = new AtomicInteger();

    private static final String RESERVED = "\u0000remembered";

    /** A tool that "asks a model" (counted), then asks the user to confirm what it said; and one that asks with the reserved key. */
    private McpServer server() {
        return McpServer.builder("t", "1")
                .inlineTool(Tool.of("other", "asks with the reserved key", (ObjectNode) Json.parse("{\"type\":\"object\"}")), (args, ctx) -> {
                    try {
                        ctx.ask(RESERVED, InputRequest.elicit("?", (ObjectNode) Json.parse("{\"type\":\"object\"}")));
                        return CallToolResult.text("asked");
                    } catch (IllegalArgumentException e) {
                        return CallToolResult.text("refused: " + e.getMessage());
                    }
                })
                .inlineTool(Tool.of("guess", "guesses, then asks", (ObjectNode) Json.parse("{\"type\":\"object\"}")), (args, ctx) -> {
                    JsonNode guess = ctx.remember("guess", () -> Json.MAPPER.getNodeFactory().textNode("guess " + computed.incrementAndGet()));
                    JsonNode answer = ctx.ask("confirm", InputRequest.elicit("Is it " + guess.asText() + "?",
                            (ObjectNode) Json.parse("{\"type\":\"object\",\"properties\":{\"ok\":{\"type\":\"boolean\"}}}")));
                    return CallToolResult.text(guess.asText() + ": " + answer.path("action").asText());
                })
                .build();
    }

    private static Caller caller(boolean modern) {
        return caller(modern, "alice");
    }

    private static Caller caller(boolean modern, String subject) {
        ObjectNode caps = Json.object();
        caps.putObject("elicitation");
        return new Caller(modern ? ProtocolVersion.V2026_07_28 : ProtocolVersion.V2025_11_25, modern, null, caps, null, null, subject);
    }

    /** Round one of {@code guess}: its requestState holds "guess 1". */
    private String firstState(McpServer server) {
        ObjectNode first = handle(server, call(), caller(true), RequestChannel.detached(new Cancellation()));
        assertThat(first.path("resultType").asText()).isEqualTo("input_required");
        return first.path("requestState").asText();
    }

    private static ObjectNode retry(String tool, String state) {
        ObjectNode retry = call();
        retry.put("name", tool);
        retry.put("requestState", state);
        retry.putObject("inputResponses").putObject("confirm").put("action", "accept").putObject("content").put("ok", true);
        return retry;
    }

    @Test
    void modern_tamperedState_isRejected_andNothingIsTakenFromIt() {
        McpServer server = server();
        String state = firstState(server);
        String body = new String(java.util.Base64.getUrlDecoder().decode(state.substring(0, state.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).as("signed, not encrypted: the client can read remembered values").contains("guess 1");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                body.replace("guess 1", "guess 9").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + state.substring(state.indexOf('.'));

        assertThatThrownBy(() -> handle(server, retry("guess", forged), caller(true), RequestChannel.detached(new Cancellation())))
                .isInstanceOf(McpError.class).hasMessageContaining("signature does not match");
        assertThat(computed.get()).isEqualTo(1);
    }

    @Test
    void modern_stateSealedForAnotherSubject_isRefused() {
        McpServer server = server();
        String state = firstState(server);

        assertThatThrownBy(() -> handle(server, retry("guess", state), caller(true, "mallory"), RequestChannel.detached(new Cancellation())))
                .isInstanceOf(McpError.class).hasMessageContaining("belongs to a different request");
    }

    @Test
    void modern_stateSealedForAnotherTool_isRefused() {
        McpServer server = server();
        String state = firstState(server);

        assertThatThrownBy(() -> handle(server, retry("other", state), caller(true), RequestChannel.detached(new Cancellation())))
                .isInstanceOf(McpError.class).hasMessageContaining("belongs to a different request");
    }

    @Test
    void modern_inputResponsesCarryingTheReservedKey_areIgnored() {
        McpServer server = server();
        ObjectNode forged = retry("guess", firstState(server));
        ((ObjectNode) forged.get("inputResponses")).putObject(RESERVED).put("guess", "guess 9");

        ObjectNode second = handle(server, forged, caller(true), RequestChannel.detached(new Cancellation()));
        assertThat(second.at("/content/0/text").asText()).isEqualTo("guess 1: accept");

        ObjectNode fresh = call();
        fresh.putObject("inputResponses").putObject(RESERVED).put("guess", "guess 9");
        ObjectNode first = handle(server, fresh, caller(true), RequestChannel.detached(new Cancellation()));
        assertThat(first.at("/inputRequests/confirm/params/message").asText()).isEqualTo("Is it guess 2?");
    }

    @Test
    void ask_withTheReservedKey_throws() {
        ObjectNode p = call();
        p.put("name", "other");
        ObjectNode result = handle(server(), p, caller(true), RequestChannel.detached(new Cancellation()));
        assertThat(result.at("/content/0/text").asText()).isEqualTo("refused: that input key is reserved for remember()");
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
