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

/** A legacy MCP client channel that answers each sampling/createMessage request with {@code answers}. */
public final class SamplingClientChannel implements RequestChannel {
    private final List<ObjectNode> asked = new ArrayList<>();
    private final Function<ObjectNode, JsonNode> answers;
    private final Cancellation cancellation = new Cancellation();

    public SamplingClientChannel(Function<ObjectNode, JsonNode> answers) {
        this.answers = answers;
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

    /** The params of every sampling request so far, in order (the live list). */
    public List<ObjectNode> asked() {
        return asked;
    }

    @Override
    public void notify(ObjectNode notification) {
    }

    @Override
    public JsonNode request(String method, ObjectNode params, Duration timeout) {
        assertThat(method).isEqualTo("sampling/createMessage");
        asked.add(params);
        return answers.apply(params);
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }
}
