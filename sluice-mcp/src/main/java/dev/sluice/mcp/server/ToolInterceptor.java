package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Tool;

import static java.util.Objects.requireNonNull;

/**
 * Wraps every {@code tools/call} once for all tools: authorisation, argument binding, metrics and
 * the audit log plug in here, never inside handlers. {@link Proceed#proceed} runs the rest (argument
 * validation and the handler) and may throw: {@link dev.sluice.mcp.McpError} for protocol errors
 * (unknown tool, bad request state) and {@link InputRequired} when a modern call must come back
 * with input; an interceptor that records calls must let both through.
 */
@FunctionalInterface
public interface ToolInterceptor {
    CallToolResult intercept(ToolCall call, Proceed next);

    /**
     * Runs the call, possibly with arguments the interceptor changed. The client's original
     * arguments are what is checked against the tool's input schema; the handler gets these.
     */
    @FunctionalInterface
    interface Proceed {
        CallToolResult proceed(ObjectNode arguments);
    }

    /**
     * One call as the interceptor sees it. {@code tool} is null when no tool has this name; a tool
     * hidden from this caller is passed too (so the interceptor can refuse it with a reason), and
     * {@link Proceed#proceed} then fails as for an unknown tool.
     */
    record ToolCall(String name, Tool tool, ObjectNode arguments, Caller caller, JsonNode requestId, Attributes attributes) {
        public ToolCall {
            requireNonNull(name, "name is null");
            requireNonNull(arguments, "arguments is null");
            requireNonNull(caller, "caller is null");
            requireNonNull(attributes, "attributes is null");
        }
    }

    static ToolInterceptor none() {
        return (call, next) -> next.proceed(call.arguments());
    }
}
