package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArgumentCheckTest {

    private static ObjectNode schema() {
        return (ObjectNode) Json.parse("""
                {"type":"object",
                 "properties":{
                   "sql":{"type":"string"},
                   "limit":{"type":"integer"},
                   "ratio":{"type":"number"},
                   "dry":{"type":"boolean"},
                   "opts":{"type":"object"},
                   "tags":{"type":"array"},
                   "mode":{"type":"string","enum":["fast","safe"]},
                   "any":{}
                 },
                 "required":["sql"]}
                """);
    }

    private static ObjectNode closedSchema() {
        ObjectNode schema = schema();
        schema.put("additionalProperties", false);
        return schema;
    }

    private static String check(ObjectNode schema, String args) {
        return ArgumentCheck.firstProblem(schema, (ObjectNode) Json.parse(args));
    }

    @Test
    void firstProblem_passesValidArguments() {
        assertThat(check(schema(), """
                {"sql":"select 1","limit":10,"ratio":0.5,"dry":true,"opts":{},"tags":[],"mode":"safe","any":[1]}
                """)).isNull();
    }

    @Test
    void firstProblem_reportsMissingRequiredArgument() {
        assertThat(check(schema(), "{}")).isEqualTo("missing required argument 'sql'");
    }

    @Test
    void firstProblem_treatsNullRequiredArgumentAsMissing() {
        assertThat(check(schema(), "{\"sql\":null}")).isEqualTo("missing required argument 'sql'");
    }

    @Test
    void firstProblem_allowsNullForOptionalArgument() {
        assertThat(check(schema(), "{\"sql\":\"x\",\"limit\":null}")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"sql\":1}                | argument 'sql' must be a string, got the number 1",
            "{\"sql\":\"x\",\"limit\":\"10\"} | argument 'limit' must be an integer, got a string",
            "{\"sql\":\"x\",\"limit\":1.5}  | argument 'limit' must be an integer, got the number 1.5",
            "{\"sql\":\"x\",\"ratio\":true} | argument 'ratio' must be a number, got a boolean",
            "{\"sql\":\"x\",\"dry\":\"yes\"} | argument 'dry' must be a boolean, got a string",
            "{\"sql\":\"x\",\"opts\":[]}    | argument 'opts' must be an object, got an array",
            "{\"sql\":\"x\",\"tags\":{}}    | argument 'tags' must be an array, got an object"})
    void firstProblem_namesTypeMismatch(String args, String expected) {
        assertThat(check(schema(), args)).isEqualTo(expected);
    }

    @Test
    void firstProblem_acceptsIntegralDecimalsForIntegers() {
        assertThat(check(schema(), "{\"sql\":\"x\",\"limit\":42.0}")).isNull();
        assertThat(check(schema(), "{\"sql\":\"x\",\"limit\":1e2}")).isNull();
    }

    @Test
    void firstProblem_checksEnums() {
        assertThat(check(schema(), "{\"sql\":\"x\",\"mode\":\"reckless\"}"))
                .isEqualTo("argument 'mode' must be one of [\"fast\",\"safe\"], got \"reckless\"");
    }

    @Test
    void firstProblem_allowsUnknownArgumentsUnlessSchemaIsClosed() {
        assertThat(check(schema(), "{\"sql\":\"x\",\"extra\":1}")).isNull();
        assertThat(check(closedSchema(), "{\"sql\":\"x\",\"extra\":1}")).isEqualTo("unknown argument 'extra'");
    }

    @Test
    void firstProblem_acceptsAnythingForSchemaWithoutProperties() {
        ObjectNode bare = (ObjectNode) Json.parse("{\"type\":\"object\"}");
        assertThat(check(bare, "{\"whatever\":[1,2]}")).isNull();
    }
}
