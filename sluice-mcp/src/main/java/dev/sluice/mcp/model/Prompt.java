package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A prompt template as listed by {@code prompts/list}. */
public record Prompt(String name, String title, String description, List<Argument> arguments) {
    public Prompt {
        requireNonNull(name, "name is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
    }

    public record Argument(String name, String description, boolean required) {
        public Argument {
            requireNonNull(name, "name is null");
        }
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("name", name);
        if (title != null) {
            n.put("title", title);
        }
        if (description != null) {
            n.put("description", description);
        }
        if (!arguments.isEmpty()) {
            ArrayNode args = n.putArray("arguments");
            for (Argument a : arguments) {
                ObjectNode arg = args.addObject();
                arg.put("name", a.name());
                if (a.description() != null) {
                    arg.put("description", a.description());
                }
                arg.put("required", a.required());
            }
        }
        return n;
    }
}
