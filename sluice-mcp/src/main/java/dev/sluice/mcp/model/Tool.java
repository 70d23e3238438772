package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A tool definition as listed by {@code tools/list}. The input schema is any JSON Schema 2020-12
 * object schema; Sluice passes keywords through untouched.
 */
public record Tool(String name, String title, String description, ObjectNode inputSchema,
                   ObjectNode outputSchema, ObjectNode annotations) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public Tool {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(inputSchema, "inputSchema is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name must be 1-128 characters of [A-Za-z0-9_.-], got '" + name + "'");
        }
        JsonNode type = inputSchema.get("type");
        if (type == null || !"object".equals(type.asText())) {
            throw new IllegalArgumentException("tool " + name + ": inputSchema must have \"type\": \"object\"");
        }
    }

    public static Tool of(String name, String description, ObjectNode inputSchema) {
        return new Tool(name, null, description, inputSchema, null, null);
    }

    /** An input schema with no parameters. */
    public static ObjectNode emptyObjectSchema() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    public Tool withOutputSchema(ObjectNode schema) {
        return new Tool(name, title, description, inputSchema, schema, annotations);
    }

    public Tool withAnnotations(ObjectNode toolAnnotations) {
        return new Tool(name, title, description, inputSchema, outputSchema, toolAnnotations);
    }

    public Tool withTitle(String newTitle) {
        return new Tool(name, newTitle, description, inputSchema, outputSchema, annotations);
    }

    public ObjectNode toJson(boolean includeModernFields) {
        ObjectNode n = Json.object();
        n.put("name", name);
        if (title != null && includeModernFields) {
            n.put("title", title);
        }
        n.put("description", description);
        n.set("inputSchema", inputSchema);
        if (outputSchema != null && includeModernFields) {
            n.set("outputSchema", outputSchema);
        }
        if (annotations != null) {
            n.set("annotations", annotations);
        }
        return n;
    }
}
