package dev.sluice.server.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.ProtocolVersion;
import dev.sluice.mcp.jsonrpc.JsonRpcCodec;
import dev.sluice.mcp.server.ModernMeta;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One benchmark caller on its own keep-alive connection: opens a legacy session (or, for
 * 2026-07-28, nothing) and then repeats the same tools/call with fresh ids.
 */
public final class RawMcpCaller implements AutoCloseable {
    private final RawHttpConnection connection;
    private final BenchTarget target;
    private final boolean modern;
    private final String prefix;
    private final String suffix;
    private String headers;
    private long nextId;

    public RawMcpCaller(BenchTarget target) throws IOException {
        this.target = target;
        this.connection = new RawHttpConnection(target.url(), target.headers());
        this.modern = ProtocolVersion.isModern(target.protocolVersion());
        ObjectNode params = Json.object();
        params.put("name", target.tool());
        params.set("arguments", target.arguments());
        if (modern) {
            ObjectNode meta = params.putObject("_meta");
            meta.put(ModernMeta.PROTOCOL_VERSION, target.protocolVersion());
            meta.putObject(ModernMeta.CLIENT_INFO).put("name", "sluice-bench").put("version", "1");
            meta.putObject(ModernMeta.CLIENT_CAPABILITIES);
        }
        // {"jsonrpc":"2.0","id":<n>,"method":"tools/call","params":{...}}
        this.prefix = "{\"jsonrpc\":\"2.0\",\"id\":";
        this.suffix = ",\"method\":\"tools/call\",\"params\":" + Json.text(params) + "}";
    }

    public void open() throws IOException {
        if (modern) {
            headers = "MCP-Protocol-Version: " + target.protocolVersion() + "\r\nMcp-Method: tools/call\r\nMcp-Name: "
                    + target.tool() + "\r\n";
            return;
        }
        ObjectNode init = Json.object();
        init.put("protocolVersion", target.protocolVersion());
        init.putObject("capabilities");
        init.putObject("clientInfo").put("name", "sluice-bench").put("version", "1");
        RawHttpConnection.Response r = connection.post(Json.bytes(JsonRpcCodec.request(
                Json.MAPPER.getNodeFactory().numberNode(0), "initialize", init)), "");
        if (r.status() != 200 || !r.text().contains("\"result\"")) {
            throw new IOException("initialize failed: HTTP " + r.status() + " " + r.text());
        }
        headers = "MCP-Protocol-Version: " + target.protocolVersion() + "\r\n"
                + (r.sessionId() == null ? "" : "Mcp-Session-Id: " + r.sessionId() + "\r\n");
        RawHttpConnection.Response initialized = connection.post(
                Json.bytes(JsonRpcCodec.notification("notifications/initialized", Json.object())), headers);
        if (initialized.status() >= 300) {
            throw new IOException("notifications/initialized refused: HTTP " + initialized.status());
        }
    }

    /** One tools/call; throws unless the server answered with a result. */
    public void call() throws IOException {
        byte[] body = (prefix + (++nextId) + suffix).getBytes(StandardCharsets.UTF_8);
        RawHttpConnection.Response r = connection.post(body, headers);
        if (r.status() != 200 || indexOf(r.body(), RESULT) < 0) {
            throw new IOException("tools/call failed: HTTP " + r.status() + " " + r.text());
        }
    }

    private static final byte[] RESULT = "\"result\"".getBytes(StandardCharsets.US_ASCII);

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
