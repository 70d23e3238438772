package dev.sluice.mcp.transport.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.TestServerFixture;
import dev.sluice.mcp.server.ModernMeta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The stdio transport over in-memory pipes, with the server's run loop on a virtual thread. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StdioServerTest {
    private static final int MAX_LINE = 4096;
    private final TestServerFixture fixture = new TestServerFixture();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private OutputStream stdin;
    private BufferedReader stdout;
    private Thread runner;

    @BeforeEach
    void start() throws IOException {
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        stdin = Channels.newOutputStream(in.sink());
        stdout = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()), StandardCharsets.UTF_8));
        StdioServer server = new StdioServer(fixture.build(), Channels.newInputStream(in.source()),
                Channels.newOutputStream(out.sink()), MAX_LINE);
        runner = Thread.ofVirtual().name("stdio-test").start(() -> {
            try {
                server.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        fixture.reset();
        stdin.close();
        assertThat(runner.join(Duration.ofSeconds(5))).as("run() returned after EOF").isTrue();
        assertThat(failure.get()).isNull();
    }

    private void send(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private JsonNode read() throws IOException {
        String line = stdout.readLine();
        assertThat(line).as("a line on stdout").isNotNull();
        return Json.parse(line);
    }

    private static String rpc(int id, String method, ObjectNode params) {
        ObjectNode node = Json.object();
        node.put("jsonrpc", "2.0");
        node.put("id", id);
        node.put("method", method);
        node.set("params", params);
        return Json.text(node);
    }

    private JsonNode call(int id, String method, ObjectNode params) throws IOException {
        send(rpc(id, method, params));
        JsonNode response = read();
        assertThat(response.get("id").asInt()).isEqualTo(id);
        return response;
    }

    private void initialize() throws IOException {
        ObjectNode params = Json.object();
        params.put("protocolVersion", ProtocolVersion.V2025_06_18);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "stdio-test").put("version", "1");
        JsonNode init = call(1, "initialize", params);
        assertThat(init.at("/result/protocolVersion").asText()).isEqualTo(ProtocolVersion.V2025_06_18);
        assertThat(init.at("/result/capabilities/tools/listChanged").asBoolean()).isTrue();
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    private static ObjectNode echo(String text) {
        ObjectNode params = Json.object().put("name", "echo");
        params.putObject("arguments").put("text", text);
        return params;
    }

    @Test
    void legacy_initializeListAndCall() throws IOException {
        initialize();
        JsonNode list = call(2, "tools/list", Json.object());
        assertThat(list.at("/result/tools").findValuesAsText("name")).contains("echo", "block", "sample");
        JsonNode echo = call(3, "tools/call", echo("over stdio"));
        assertThat(echo.at("/result/content/0/text").asText()).isEqualTo("over stdio");
        assertThat(echo.at("/result").has("resultType")).as("legacy results carry no resultType").isFalse();
    }

    @Test
    void modern_requestWithMetaIsServedOnTheSameStream() throws IOException {
        initialize();
        ObjectNode params = echo("modern");
        ObjectNode meta = params.putObject("_meta");
        meta.put(ModernMeta.PROTOCOL_VERSION, ProtocolVersion.V2026_07_28);
        meta.putObject(ModernMeta.CLIENT_CAPABILITIES);
        JsonNode response = call(2, "tools/call", params);
        assertThat(response.at("/result/content/0/text").asText()).isEqualTo("modern");
        assertThat(response.at("/result/resultType").asText()).isEqualTo("complete");
    }

    @Test
    void modern_worksWithoutInitialize() throws IOException {
        ObjectNode params = Json.object();
        params.putObject("_meta").put(ModernMeta.PROTOCOL_VERSION, ProtocolVersion.V2026_07_28)
                .putObject(ModernMeta.CLIENT_CAPABILITIES);
        JsonNode discover = call(1, "server/discover", params);
        assertThat(discover.at("/result/supportedVersions/0").asText()).isEqualTo(ProtocolVersion.V2026_07_28);
        JsonNode ping = call(2, "ping", params.deepCopy());
        assertThat(ping.at("/error/code").asInt()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
        assertThat(ping.at("/error/message").asText()).contains("removed in " + ProtocolVersion.V2026_07_28);
    }

    @Test
    void modern_unsupportedVersionIsRejected() throws IOException {
        ObjectNode params = Json.object();
        params.putObject("_meta").put(ModernMeta.PROTOCOL_VERSION, "v999").putObject(ModernMeta.CLIENT_CAPABILITIES);
        JsonNode r = call(1, "tools/list", params);
        assertThat(r.at("/error/code").asInt()).isEqualTo(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(r.at("/error/data/requested").asText()).isEqualTo("v999");
    }

    @Test
    void malformedLine_getsParseErrorWithNullIdAndServerKeepsReading() throws IOException {
        send("{this is not json");
        JsonNode error = read();
        assertThat(error.get("id").isNull()).isTrue();
        assertThat(error.at("/error/code").asInt()).isEqualTo(ErrorCodes.PARSE_ERROR);
        assertThat(error.at("/error/message").asText()).startsWith("Parse error:");
        initialize();
        assertThat(call(2, "tools/call", echo("still here")).at("/result/content/0/text").asText()).isEqualTo("still here");
    }

    @Test
    void batchLine_getsInvalidRequestWithNullId() throws IOException {
        send("[" + rpc(1, "ping", Json.object()) + "]");
        JsonNode error = read();
        assertThat(error.get("id").isNull()).isTrue();
        assertThat(error.at("/error/code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(error.at("/error/message").asText()).contains("batches are not supported");
    }

    @Test
    void overLongLine_isRefusedAndServerKeepsReading() throws IOException {
        send(rpc(1, "tools/call", echo("x".repeat(MAX_LINE))));
        JsonNode error = read();
        assertThat(error.get("id").isNull()).isTrue();
        assertThat(error.at("/error/code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(error.at("/error/message").asText()).contains("message exceeds " + MAX_LINE + " bytes");
        assertThat(call(2, "ping", Json.object()).get("result").isEmpty()).isTrue();
    }

    @Test
    void blankLines_areIgnored() throws IOException {
        send("");
        send("   ");
        assertThat(call(1, "ping", Json.object()).get("result").isEmpty()).isTrue();
    }

    @Test
    void requestBeforeInitialize_isRefused() throws IOException {
        JsonNode r = call(1, "tools/list", Json.object());
        assertThat(r.at("/error/code").asInt()).isEqualTo(ErrorCodes.INVALID_REQUEST);
        assertThat(r.at("/error/message").asText()).contains("send initialize first");
    }

    @Test
    void cancelledNotification_cancelsRunningRequestAndSuppressesItsResponse() throws Exception {
        initialize();
        send(rpc(5, "tools/call", Json.object().put("name", "block")));
        assertThat(fixture.started().await(5, TimeUnit.SECONDS)).isTrue();
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":5}}");
        assertThat(fixture.cancelled().await(5, TimeUnit.SECONDS)).isTrue();
        // the next line on stdout is the answer to the next request, not a response to the cancelled one
        assertThat(call(6, "ping", Json.object()).get("result").isEmpty()).isTrue();
    }

    @Test
    void progress_isWrittenBeforeTheResult() throws IOException {
        initialize();
        ObjectNode params = Json.object().put("name", "progress");
        params.putObject("_meta").put("progressToken", "t");
        send(rpc(2, "tools/call", params));
        JsonNode first = read();
        assertThat(first.get("method").asText()).isEqualTo("notifications/progress");
        assertThat(first.at("/params/progressToken").asText()).isEqualTo("t");
        assertThat(read().at("/params/progress").asInt()).isEqualTo(2);
        assertThat(read().at("/result/content/0/text").asText()).isEqualTo("progressed");
    }

    @Test
    void eof_endsRunAndCancelsWhatStillRuns() throws Exception {
        initialize();
        send(rpc(2, "tools/call", Json.object().put("name", "block")));
        assertThat(fixture.started().await(5, TimeUnit.SECONDS)).isTrue();
        stdin.close();
        assertThat(fixture.cancelled().await(5, TimeUnit.SECONDS)).as("in-flight request cancelled at EOF").isTrue();
        assertThat(runner.join(Duration.ofSeconds(5))).isTrue();
    }
}
