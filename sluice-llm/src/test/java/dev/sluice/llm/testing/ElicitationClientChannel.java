package dev.sluice.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.RequestChannel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A legacy MCP client channel whose user answers each elicitation/create request with {@code answers}. */
public final class ElicitationClientChannel implements RequestChannel {
    private final List<ObjectNode> asked = new ArrayList<>();
    private final Function<ObjectNode, JsonNode> answers;
    private final Cancellation cancellation = new Cancellation();

    public ElicitationClientChannel(Function<ObjectNode, JsonNode> answers) {
        this.answers = answers;
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

    /** The params of every elicitation request so far, in order (the live list). */
    public List<ObjectNode> asked() {
        return asked;
    }

    @Override
    public void notify(ObjectNode notification) {
    }

    @Override
    public JsonNode request(String method, ObjectNode params, Duration timeout) {
        assertThat(method).isEqualTo("elicitation/create");
        asked.add(params);
        return answers.apply(params);
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }
}
