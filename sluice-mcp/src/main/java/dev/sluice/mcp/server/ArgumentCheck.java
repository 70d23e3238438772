package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * A first-line check of tool arguments against the top level of the tool's input schema:
 * required properties, primitive types, enums and {@code additionalProperties: false}. Deep
 * validation stays with the tool, which knows what it accepts.
 */
final class ArgumentCheck {
    private ArgumentCheck() {
    }

    /** A message naming the first problem, or null when the arguments pass. */
    static String firstProblem(ObjectNode schema, ObjectNode arguments) {
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            for (JsonNode name : required) {
                JsonNode value = arguments.get(name.asText());
                if (value == null || value.isNull()) {
                    return "missing required argument '" + name.asText() + "'";
                }
            }
        }
        JsonNode properties = schema.get("properties");
        boolean closed = schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean();
        for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> arg = it.next();
            JsonNode property = properties == null ? null : properties.get(arg.getKey());
            if (property == null) {
                if (closed) {
                    return "unknown argument '" + arg.getKey() + "'";
                }
                continue;
            }
            String problem = typeProblem(arg.getKey(), property, arg.getValue());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String typeProblem(String name, JsonNode property, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        JsonNode type = property.get("type");
        if (type != null && type.isTextual() && !matches(type.asText(), value)) {
            return "argument '" + name + "' must be " + article(type.asText()) + ", got " + describe(value);
        }
        JsonNode allowed = property.get("enum");
        if (allowed != null && allowed.isArray()) {
            for (JsonNode option : allowed) {
                if (option.equals(value)) {
                    return null;
                }
            }
            return "argument '" + name + "' must be one of " + allowed + ", got " + value;
        }
        return null;
    }

    private static boolean matches(String type, JsonNode value) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> true;
        };
    }

    private static String article(String type) {
        return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ") + type;
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "the number " + value;
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
