package dev.sluice.mcp.transport.http;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.Tool;
import org.assertj.core.api.ThrowableAssert;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardHeadersTest {

    private static final Tool TYPED = Tool.of("typed", "has header params", typedSchema());
    private static final Function<String, Tool> TOOLS = Map.of("typed", TYPED)::get;

    private static ObjectNode typedSchema() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("region").put("type", "string").put("x-mcp-header", "Region");
        props.putObject("count").put("type", "integer").put("x-mcp-header", "Count");
        props.putObject("flag").put("type", "boolean").put("x-mcp-header", "Flag");
        ObjectNode nested = props.putObject("target");
        nested.put("type", "object");
        nested.putObject("properties").putObject("db").put("type", "string").put("x-mcp-header", "Db");
        props.putObject("plain").put("type", "string");
        return schema;
    }

    private static JsonRpcMessage.Request request(String method, ObjectNode params) {
        return new JsonRpcMessage.Request(IntNode.valueOf(1), method, params);
    }

    private static JsonRpcMessage.Request call(String argsJson) {
        ObjectNode params = Json.object();
        params.put("name", "typed");
        params.set("arguments", Json.parse(argsJson));
        return request("tools/call", params);
    }

    private static HttpFields.Mutable callHeaders() {
        return HttpFields.build().add("Mcp-Method", "tools/call").add("Mcp-Name", "typed");
    }

    private static void assertMismatch(ThrowableAssert.ThrowingCallable call, String fragment) {
        assertThatThrownBy(call)
                .isInstanceOf(McpError.class)
                .hasMessageStartingWith("Header mismatch: ")
                .hasMessageContaining(fragment)
                .satisfies(e -> assertThat(((McpError) e).code()).isEqualTo(ErrorCodes.HEADER_MISMATCH));
    }

    @Test
    void validate_rejectsMissingMcpMethod() {
        assertMismatch(() -> StandardHeaders.validate(HttpFields.build(), request("tools/list", Json.object()), TOOLS),
                "Mcp-Method header is required");
    }

    @Test
    void validate_rejectsMcpMethodThatDiffersFromBody() {
        assertMismatch(() -> StandardHeaders.validate(HttpFields.build().add("Mcp-Method", "prompts/list"),
                request("tools/list", Json.object()), TOOLS), "'prompts/list' does not match body method 'tools/list'");
    }

    @Test
    void validate_comparesMcpMethodCaseSensitively() {
        assertMismatch(() -> StandardHeaders.validate(HttpFields.build().add("Mcp-Method", "Tools/List"),
                request("tools/list", Json.object()), TOOLS), "does not match body method");
    }

    @Test
    void validate_trimsWhitespaceAroundHeaderValues() {
        HttpFields headers = HttpFields.build().add("Mcp-Method", "  tools/call ").add("Mcp-Name", "\ttyped  ");
        assertThatCode(() -> StandardHeaders.validate(headers, call("{}"), TOOLS)).doesNotThrowAnyException();
    }

    @Test
    void validate_needsNoMcpNameForMethodsWithoutSubject() {
        assertThatCode(() -> StandardHeaders.validate(HttpFields.build().add("Mcp-Method", "tools/list"),
                request("tools/list", Json.object()), TOOLS)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"tools/call,name,echo", "prompts/get,name,greet", "resources/read,uri,test://static"})
    void validate_requiresMcpNameMatchingTheSubject(String method, String field, String value) {
        ObjectNode params = Json.object().put(field, value);
        assertMismatch(() -> StandardHeaders.validate(HttpFields.build().add("Mcp-Method", method), request(method, params), TOOLS),
                "Mcp-Name header is required on " + method + " and must equal params." + field);
        assertMismatch(() -> StandardHeaders.validate(HttpFields.build().add("Mcp-Method", method).add("Mcp-Name", "other"),
                request(method, params), TOOLS), "'other' does not match body params." + field + " '" + value + "'");
        assertThatCode(() -> StandardHeaders.validate(HttpFields.build().add("Mcp-Method", method).add("Mcp-Name", value),
                request(method, params), TOOLS)).doesNotThrowAnyException();
    }

    @Test
    void validate_acceptsBase64EncodedMcpName() {
        ObjectNode params = Json.object().put("name", "grüße");
        HttpFields headers = HttpFields.build().add("Mcp-Method", "prompts/get").add("Mcp-Name", "=?base64?Z3LDvMOfZQ==?=");
        assertThatCode(() -> StandardHeaders.validate(headers, request("prompts/get", params), TOOLS)).doesNotThrowAnyException();
    }

    @Test
    void decode_decodesValidBase64Sentinel() {
        assertThat(StandardHeaders.decode("=?base64?SGVsbG8=?=", "Mcp-Name")).isEqualTo("Hello");
        assertThat(StandardHeaders.decode("  =?base64?SGVsbG8gV29ybGQ=?=  ", "Mcp-Name")).isEqualTo("Hello World");
    }

    @Test
    void decode_rejectsBase64WithBadPadding() {
        assertMismatch(() -> StandardHeaders.decode("=?base64?SGVsbG8?=", "Mcp-Name"), "Mcp-Name has an invalid Base64 value");
    }

    @Test
    void decode_rejectsBase64WithBadCharacters() {
        assertMismatch(() -> StandardHeaders.decode("=?base64?SGVs!!!bG8=?=", "Mcp-Param-Region"),
                "Mcp-Param-Region has an invalid Base64 value");
    }

    @Test
    void decode_takesValuesWithoutBothMarkersLiterally() {
        assertThat(StandardHeaders.decode("SGVsbG8=", "Mcp-Name")).isEqualTo("SGVsbG8=");
        assertThat(StandardHeaders.decode("=?base64?SGVsbG8=", "Mcp-Name")).isEqualTo("=?base64?SGVsbG8=");
        assertThat(StandardHeaders.decode("SGVsbG8=?=", "Mcp-Name")).isEqualTo("SGVsbG8=?=");
    }

    @Test
    void decode_rejectsNonAsciiLiteralValues() {
        assertMismatch(() -> StandardHeaders.decode("grüße", "Mcp-Name"), "must be Base64-encoded");
    }

    @Test
    void headerParams_findsAnnotatedPropertiesIncludingNestedOnes() {
        assertThat(StandardHeaders.headerParams(typedSchema())).containsExactly(
                new StandardHeaders.HeaderParam(List.of("region"), "Region"),
                new StandardHeaders.HeaderParam(List.of("count"), "Count"),
                new StandardHeaders.HeaderParam(List.of("flag"), "Flag"),
                new StandardHeaders.HeaderParam(List.of("target", "db"), "Db"));
    }

    @Test
    void params_rejectMissingHeaderWhenArgumentPresent() {
        assertMismatch(() -> StandardHeaders.validate(callHeaders(), call("{\"region\":\"eu-west-1\"}"), TOOLS),
                "argument 'region' is present, so the header Mcp-Param-Region is required");
    }

    @Test
    void params_needNoHeaderWhenArgumentAbsentOrNull() {
        assertThatCode(() -> StandardHeaders.validate(callHeaders(), call("{\"plain\":\"x\"}"), TOOLS)).doesNotThrowAnyException();
        assertThatCode(() -> StandardHeaders.validate(callHeaders(), call("{\"region\":null}"), TOOLS)).doesNotThrowAnyException();
    }

    @Test
    void params_acceptMatchingStringAndRejectDifferentOne() {
        assertThatCode(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Region", "eu-west-1"),
                call("{\"region\":\"eu-west-1\"}"), TOOLS)).doesNotThrowAnyException();
        assertMismatch(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Region", "us-east-1"),
                call("{\"region\":\"eu-west-1\"}"), TOOLS), "header Mcp-Param-Region does not match argument 'region'");
    }

    @Test
    void params_compareIntegersNumerically() {
        assertThatCode(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Count", "42"),
                call("{\"count\":42.0}"), TOOLS)).doesNotThrowAnyException();
        assertThatCode(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Count", "42.00"),
                call("{\"count\":42}"), TOOLS)).doesNotThrowAnyException();
        assertMismatch(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Count", "43"),
                call("{\"count\":42}"), TOOLS), "Mcp-Param-Count does not match argument 'count'");
        assertMismatch(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Count", "forty-two"),
                call("{\"count\":42}"), TOOLS), "Mcp-Param-Count does not match");
    }

    @Test
    void params_compareBooleansByTheirJsonSpelling() {
        assertThatCode(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Flag", "true"),
                call("{\"flag\":true}"), TOOLS)).doesNotThrowAnyException();
        assertThatCode(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Flag", "false"),
                call("{\"flag\":false}"), TOOLS)).doesNotThrowAnyException();
        assertMismatch(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Flag", "false"),
                call("{\"flag\":true}"), TOOLS), "Mcp-Param-Flag does not match argument 'flag'");
        assertMismatch(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Flag", "1"),
                call("{\"flag\":true}"), TOOLS), "Mcp-Param-Flag does not match");
    }

    @Test
    void params_checkNestedPropertiesAndDecodeBase64() {
        assertThatCode(() -> StandardHeaders.validate(callHeaders().add("Mcp-Param-Db", "=?base64?c2FsZXM=?="),
                call("{\"target\":{\"db\":\"sales\"}}"), TOOLS)).doesNotThrowAnyException();
        assertMismatch(() -> StandardHeaders.validate(callHeaders(), call("{\"target\":{\"db\":\"sales\"}}"), TOOLS),
                "argument 'target.db' is present, so the header Mcp-Param-Db is required");
    }

    @Test
    void params_areNotCheckedForUnknownTools() {
        ObjectNode params = Json.object().put("name", "unknown");
        params.putObject("arguments").put("region", "x");
        HttpFields headers = HttpFields.build().add("Mcp-Method", "tools/call").add("Mcp-Name", "unknown");
        assertThatCode(() -> StandardHeaders.validate(headers, request("tools/call", params), TOOLS)).doesNotThrowAnyException();
    }
}
