package dev.sluice.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.mcp.server.RequestChannel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A legacy MCP client channel that answers each server-to-client request of one method with
 * {@code answers} and keeps what it was asked; any other method fails the test.
 */
public class ScriptedClientChannel implements RequestChannel {
    private final String method;
    private final List<ObjectNode> asked = new ArrayList<>();
    private final Function<ObjectNode, JsonNode> answers;
    private final Cancellation cancellation = new Cancellation();

    public ScriptedClientChannel(String method, Function<ObjectNode, JsonNode> answers) {
        this.method = method;
        this.answers = answers;
    }

    /** The params of every request so far, in order (the live list). */
    public final List<ObjectNode> asked() {
        return asked;
    }

    @Override
    public final void notify(ObjectNode notification) {
    }

    @Override
    public final JsonNode request(String method, ObjectNode params, Duration timeout) {
        assertThat(method).isEqualTo(this.method);
        asked.add(params);
        return answers.apply(params);
    }

    @Override
    public final Cancellation cancellation() {
        return cancellation;
    }
}
