package dev.sluice.sql.tools;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A parameterised SQL tool from configuration (as MCP Toolbox has them): a source, one statement
 * with {@code :name} placeholders, and typed parameters that are bound, never interpolated.
 */
public record SqlToolDefinition(String name, String source, String statement, String description,
                                List<Parameter> parameters, String boundStatement, List<String> bindOrder) {
    public SqlToolDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(statement, "statement is null");
        requireNonNull(description, "description is null");
        parameters = List.copyOf(parameters);
        bindOrder = List.copyOf(bindOrder);
    }

    /** {@code type}: string, integer, number or boolean. */
    public record Parameter(String name, String type, String description, boolean required, Object defaultValue) {
        public Parameter {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }
}
