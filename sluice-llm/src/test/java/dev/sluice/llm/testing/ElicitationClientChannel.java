package dev.sluice.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import java.util.function.Function;

/** A legacy MCP client channel whose user answers each elicitation/create request with {@code answers}. */
public final class ElicitationClientChannel extends ScriptedClientChannel {

    public ElicitationClientChannel(Function<ObjectNode, JsonNode> answers) {
        super("elicitation/create", answers);
    }

    /** The user filled in the form: {@code {"answer": text}}. */
    public static ObjectNode accept(String answer) {
        ObjectNode a = Json.object();
        a.put("action", "accept");
        a.putObject("content").put("answer", answer);
        return a;
    }

    /** The user said no ({@code decline}) or dismissed the form ({@code cancel}). */
    public static ObjectNode action(String action) {
        ObjectNode a = Json.object();
        a.put("action", action);
        return a;
    }
}
