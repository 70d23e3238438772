package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Tool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolInterceptorTest {
    /** What a tool leaves for the interceptor to read after the call. */
    record Fact(String value) {
    }

    private final List<String> seen = new ArrayList<>();

    private McpServer server(ToolInterceptor interceptor) {
        ObjectNode schema = Json.parse("{\"type\":\"object\",\"properties\":{\"tenant\":{\"type\":\"string\"}},\"required\":[\"tenant\"]}")
                .deepCopy();
        return McpServer.builder("t", "1")
                .interceptor(interceptor)
                .inlineTool(Tool.of("tenant", "echoes the tenant", schema), (args, ctx) -> {
                    ctx.setAttribute(Fact.class, new Fact("ran for " + args.path("tenant").asText()));
                    return CallToolResult.text(args.path("tenant").asText());
                })
                .build();
    }

    private static ObjectNode call(McpServer server, String tool, String arguments) {
        ObjectNode params = Json.object();
        params.put("name", tool);
        params.set("arguments", Json.parse(arguments));
        return server.handle(new JsonRpcMessage.Request(Json.MAPPER.getNodeFactory().numberNode(7), "tools/call", params),
                new Caller("2025-11-25", false, null, Json.object(), null, null, "alice", "principal-object"),
                RequestChannel.detached(new Cancellation()));
    }

    @Test
    void interceptor_seesCallerArgumentsAndTheToolsFactsAfterTheCall() {
        McpServer server = server((call, next) -> {
            CallToolResult result = next.proceed(call.arguments());
            seen.add(call.name() + " by " + call.caller().subject() + " as " + call.caller().principal(String.class).orElseThrow()
                    + ": " + call.attributes().get(Fact.class).value() + " id " + call.requestId());
            return result;
        });
        ObjectNode result = call(server, "tenant", "{\"tenant\":\"acme\"}");
        assertThat(result.at("/content/0/text").asText()).isEqualTo("acme");
        assertThat(seen).containsExactly("tenant by alice as principal-object: ran for acme id 7");
    }

    @Test
    void interceptor_canBindArgumentsTheModelMayNotChoose() {
        McpServer server = server((call, next) -> {
            ObjectNode bound = call.arguments().deepCopy();
            bound.put("tenant", "from-token");
            return next.proceed(bound);
        });
        assertThat(call(server, "tenant", "{\"tenant\":\"evil\"}").at("/content/0/text").asText()).isEqualTo("from-token");
    }

    @Test
    void interceptor_canRefuseWithoutRunningTheTool() {
        McpServer server = server((call, next) -> CallToolResult.error("Forbidden: needs scope sql:read"));
        ObjectNode result = call(server, "tenant", "{\"tenant\":\"acme\"}");
        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asText()).contains("sql:read");
    }

    @Test
    void interceptor_seesUnknownToolsAsNullAndTheProtocolErrorGoesThrough() {
        List<Object> tools = new ArrayList<>();
        McpServer server = server((call, next) -> {
            tools.add(call.tool() == null ? "unknown:" + call.name() : call.tool().name());
            try {
                return next.proceed(call.arguments());
            } catch (McpError e) {
                tools.add("error " + e.code());
                throw e;
            }
        });
        assertThatThrownBy(() -> call(server, "nope", "{}")).isInstanceOf(McpError.class).hasMessageContaining("Unknown tool: nope");
        assertThat(tools).containsExactly("unknown:nope", "error -32602");
    }

    @Test
    void interceptor_seesArgumentMistakesAsErrorResults() {
        List<Boolean> errors = new ArrayList<>();
        McpServer server = server((call, next) -> {
            CallToolResult result = next.proceed(call.arguments());
            errors.add(result.isError());
            return result;
        });
        assertThat(call(server, "tenant", "{}").path("isError").asBoolean()).isTrue();
        assertThat(errors).containsExactly(true);
    }

    @Test
    void interceptor_turnsOffInlineServingOfTools() {
        McpServer plain = McpServer.builder("t", "1").inlineTool(Tool.of("x", "x", Tool.emptyObjectSchema()),
                (args, ctx) -> CallToolResult.text("x")).build();
        McpServer wrapped = server(ToolInterceptor.none());
        ObjectNode params = Json.object().put("name", "x");
        JsonRpcMessage.Request request = new JsonRpcMessage.Request(Json.MAPPER.getNodeFactory().numberNode(1), "tools/call", params);
        assertThat(plain.completesInline(request)).isTrue();
        assertThat(wrapped.completesInline(new JsonRpcMessage.Request(request.id(), "tools/call", Json.object().put("name", "tenant"))))
                .isFalse();
    }

    @Test
    void observer_isToldEveryRequestWithItsOutcome() {
        List<String> served = new ArrayList<>();
        McpServer server = McpServer.builder("t", "1")
                .observer((method, nanos, outcome) -> served.add(method + " " + outcome + " " + (nanos >= 0)))
                .tool(Tool.of("x", "x", Tool.emptyObjectSchema()), (args, ctx) -> CallToolResult.text("x"))
                .build();
        call(server, "x", "{}");
        assertThatThrownBy(() -> call(server, "nope", "{}")).isInstanceOf(McpError.class);
        assertThat(served).containsExactly("tools/call ok true", "tools/call error true");
    }
}
