package dev.sluice.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import java.util.function.Function;

/** A legacy MCP client channel that answers each sampling/createMessage request with {@code answers}. */
public final class SamplingClientChannel extends ScriptedClientChannel {

    public SamplingClientChannel(Function<ObjectNode, JsonNode> answers) {
        super("sampling/createMessage", answers);
    }

    /** A client's sampling result: an assistant text message from {@code client-model-1}, ended normally. */
    public static ObjectNode answer(String text) {
        ObjectNode a = Json.object();
        a.put("role", "assistant");
        a.put("model", "client-model-1");
        a.put("stopReason", "endTurn");
        a.putObject("content").put("type", "text").put("text", text);
        return a;
    }
}
