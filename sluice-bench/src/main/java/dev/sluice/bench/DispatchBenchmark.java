package dev.sluice.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.jsonrpc.JsonRpcCodec;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.ModernMeta;
import dev.sluice.mcp.server.RequestChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The protocol work of one tools/call without the network: parse the request bytes, validate,
 * dispatch to a tool returning a short string, and encode the response bytes. This is the part of
 * a call's server CPU that Sluice's own code owns; the rest is Jetty and the kernel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {
    private McpServer server;
    private byte[] legacyCall;
    private byte[] modernCall;
    private byte[] toolsList;
    private Caller legacyCaller;
    private final RequestChannel channel = RequestChannel.detached(new Cancellation());

    @Setup
    public void setup() {
        ObjectNode schema = (ObjectNode) Json.parse("{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}");
        server = McpServer.builder("bench", "1")
                .tool(Tool.of("echo", "Echoes its text", schema), (args, ctx) -> CallToolResult.text(args.path("text").asText()))
                .build();
        legacyCall = bytes("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hello\"}}}");
        modernCall = bytes("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hello\"},"
                + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientInfo\":{\"name\":\"b\",\"version\":\"1\"},"
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
        toolsList = bytes("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\",\"params\":{}}");
        legacyCaller = new Caller("2025-11-25", false, null, Json.object(), null, null, null);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] toolsCall_legacy() throws IOException {
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) JsonRpcCodec.decode(Json.parse(legacyCall));
        return JsonRpcCodec.result(request.id(), server.handle(request, legacyCaller, channel));
    }

    @Benchmark
    public byte[] toolsCall_2026() throws IOException {
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) JsonRpcCodec.decode(Json.parse(modernCall));
        Caller caller = ModernMeta.caller(request.params(), "2026-07-28", true);
        return JsonRpcCodec.result(request.id(), server.handle(request, caller, channel));
    }

    @Benchmark
    public byte[] toolsList_legacy() throws IOException {
        JsonRpcMessage.Request request = (JsonRpcMessage.Request) JsonRpcCodec.decode(Json.parse(toolsList));
        return JsonRpcCodec.result(request.id(), server.handle(request, legacyCaller, channel));
    }
}
