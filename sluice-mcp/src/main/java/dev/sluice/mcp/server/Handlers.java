package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.GetPromptResult;
import dev.sluice.mcp.model.ResourceContents;

import java.util.List;
import java.util.Map;

/** The single-method handler types a server is built from. */
public final class Handlers {
    private Handlers() {
    }

    @FunctionalInterface
    public interface ToolHandler {
        CallToolResult call(ObjectNode arguments, RequestContext context);
    }

    @FunctionalInterface
    public interface PromptHandler {
        GetPromptResult get(Map<String, String> arguments, RequestContext context);
    }

    /** Reads a resource; {@code variables} holds the template's variables (empty for a concrete resource). */
    @FunctionalInterface
    public interface ResourceReader {
        List<ResourceContents> read(String uri, Map<String, String> variables, RequestContext context);
    }

    /** Suggests values for an argument of a prompt ({@code ref/prompt}) or a template ({@code ref/resource}). */
    @FunctionalInterface
    public interface CompletionHandler {
        Completion complete(ObjectNode ref, String argument, String prefix, Map<String, String> context);
    }

    /** At most 100 values go on the wire; {@code total} and {@code hasMore} describe the rest. */
    public record Completion(List<String> values, Integer total, boolean hasMore) {
        public Completion {
            values = List.copyOf(values);
        }

        public static Completion none() {
            return new Completion(List.of(), 0, false);
        }
    }
}
