package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.config.ConfigNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code tools:} section strictly and turns {@code :name} placeholders into bind markers. */
public final class SqlToolsConfig {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean");

    private SqlToolsConfig() {
    }

    public static List<SqlToolDefinition> read(ConfigNode tools, List<String> sourceNames) {
        List<SqlToolDefinition> definitions = new ArrayList<>();
        for (String name : tools.keys()) {
            if (!NAME.matcher(name).matches()) {
                throw tools.error(name, "tool names are letters, digits and _ (starting with a letter), at most 64");
            }
            ConfigNode node = tools.child(name);
            String source = node.string("source", null);
            if (source != null && !sourceNames.contains(source)) {
                throw node.error("source", "unknown source '" + source + "'; sources: " + String.join(", ", sourceNames));
            }
            String statement = node.string("statement", null);
            if (statement == null || statement.isBlank()) {
                throw node.error("statement", "is required: one read-only SQL statement with :name placeholders");
            }
            String description = node.string("description", null);
            if (description == null || description.isBlank()) {
                throw node.error("description", "is required: it tells the model when to use the tool");
            }
            List<SqlToolDefinition.Parameter> parameters = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (ConfigNode p : node.children("parameters")) {
                String pName = p.string("name", null);
                if (pName == null || !NAME.matcher(pName).matches()) {
                    throw p.error("name", "is required: letters, digits and _");
                }
                if (!names.add(pName)) {
                    throw p.error("name", "duplicate parameter '" + pName + "'");
                }
                String type = p.string("type", "string");
                if (!TYPES.contains(type)) {
                    throw p.error("type", "must be one of string, integer, number, boolean, got '" + type + "'");
                }
                JsonNode def = p.raw("default");
                parameters.add(new SqlToolDefinition.Parameter(pName, type, p.string("description", null),
                        p.bool("required", def == null), def == null || def.isNull() ? null : defaultValue(p, type, def)));
                p.rejectUnknownKeys();
            }
            Placeholders bound = Placeholders.bind(statement);
            for (String used : bound.order()) {
                if (!names.contains(used)) {
                    throw node.error("statement", "uses :" + used + " but no parameter of that name is declared");
                }
            }
            node.rejectUnknownKeys();
            definitions.add(new SqlToolDefinition(name, source, statement, description, parameters, bound.sql(), bound.order()));
        }
        return definitions;
    }

    private static Object defaultValue(ConfigNode p, String type, JsonNode value) {
        return switch (type) {
            case "integer" -> {
                if (!value.canConvertToLong() || !value.isNumber()) {
                    throw p.error("default", "must be an integer");
                }
                yield value.asLong();
            }
            case "number" -> {
                if (!value.isNumber()) {
                    throw p.error("default", "must be a number");
                }
                yield value.decimalValue();
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    throw p.error("default", "must be true or false");
                }
                yield value.asBoolean();
            }
            default -> value.asText();
        };
    }

    /** The statement with {@code ?} markers, and which parameter each marker binds. */
    record Placeholders(String sql, List<String> order) {
        /** Skips string literals, quoted identifiers, comments and PostgreSQL {@code ::} casts. */
        static Placeholders bind(String statement) {
            StringBuilder sql = new StringBuilder();
            List<String> order = new ArrayList<>();
            int i = 0;
            int n = statement.length();
            while (i < n) {
                char c = statement.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = i + 1;
                    while (end < n && !(statement.charAt(end) == c && (end + 1 >= n || statement.charAt(end + 1) != c))) {
                        end += statement.charAt(end) == c ? 2 : 1;
                    }
                    sql.append(statement, i, Math.min(n, end + 1));
                    i = end + 1;
                } else if (c == '-' && i + 1 < n && statement.charAt(i + 1) == '-') {
                    int end = statement.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    sql.append(statement, i, end);
                    i = end;
                } else if (c == ':' && i + 1 < n && statement.charAt(i + 1) == ':') {
                    sql.append("::");
                    i += 2;
                } else if (c == ':' && i + 1 < n && Character.isLetter(statement.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < n && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '_')) {
                        end++;
                    }
                    order.add(statement.substring(i + 1, end));
                    sql.append('?');
                    i = end;
                } else {
                    sql.append(c);
                    i++;
                }
            }
            return new Placeholders(sql.toString(), order);
        }
    }
}
