package dev.sluice.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRpcCodecTest {

    private static JsonRpcMessage decode(String json) {
        return JsonRpcCodec.decode(Json.parse(json));
    }

    private static void assertInvalid(String json, String fragment) {
        assertThatThrownBy(() -> decode(json))
                .isInstanceOf(McpError.class)
                .hasMessageContaining(fragment)
                .satisfies(e -> assertThat(((McpError) e).code()).isEqualTo(ErrorCodes.INVALID_REQUEST));
    }

    @Test
    void decode_readsRequestWithStringOrIntegerId() {
        JsonRpcMessage m = decode("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{\"cursor\":\"c\"}}");
        assertThat(m).isInstanceOf(JsonRpcMessage.Request.class);
        JsonRpcMessage.Request r = (JsonRpcMessage.Request) m;
        assertThat(r.id()).isEqualTo(IntNode.valueOf(7));
        assertThat(r.method()).isEqualTo("tools/list");
        assertThat(r.params().get("cursor").asText()).isEqualTo("c");

        JsonRpcMessage.Request s = (JsonRpcMessage.Request) decode("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"ping\"}");
        assertThat(s.id()).isEqualTo(TextNode.valueOf("abc"));
    }

    @Test
    void decode_givesEmptyParamsWhenAbsentOrNull() {
        JsonRpcMessage.Request absent = (JsonRpcMessage.Request) decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        JsonRpcMessage.Request nul = (JsonRpcMessage.Request) decode("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":null}");
        assertThat(absent.params().isEmpty()).isTrue();
        assertThat(nul.params().isEmpty()).isTrue();
    }

    @Test
    void decode_readsNotificationWithoutId() {
        JsonRpcMessage m = decode("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(m).isEqualTo(new JsonRpcMessage.Notification("notifications/initialized", Json.object()));
    }

    @Test
    void decode_readsResultAndErrorResponses() {
        JsonRpcMessage.Response ok = (JsonRpcMessage.Response) decode("{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"result\":{\"x\":1}}");
        assertThat(ok.isError()).isFalse();
        assertThat(ok.result().get("x").asInt()).isEqualTo(1);

        JsonRpcMessage.Response err = (JsonRpcMessage.Response) decode(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32601,\"message\":\"nope\"}}");
        assertThat(err.isError()).isTrue();
        assertThat(err.error().get("code").asInt()).isEqualTo(-32601);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"just a string\"", "42", "null", "true"})
    void decode_rejectsNonObjects(String json) {
        assertInvalid(json, "must be a JSON object");
    }

    @Test
    void decode_rejectsNullNode() {
        assertThatThrownBy(() -> JsonRpcCodec.decode(null))
                .isInstanceOf(McpError.class).hasMessageContaining("must be a JSON object");
    }

    @Test
    void decode_rejectsBatchArrays() {
        assertInvalid("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "batches are not supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":null,\"id\":1,\"method\":\"ping\"}"})
    void decode_rejectsWrongOrMissingJsonrpcVersion(String json) {
        assertInvalid(json, "\"jsonrpc\" must be the string \"2.0\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}", "1.5", "1.0", "[1]", "true"})
    void decode_rejectsIdThatIsNotStringOrInteger(String id) {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}", "\"id\" must be a string or an integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "5", "{}"})
    void decode_rejectsEmptyOrNonStringMethod(String method) {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":" + method + "}", "\"method\" must be a non-empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"x\"", "3"})
    void decode_rejectsParamsThatAreNotObjects(String params) {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + params + "}", "\"params\" must be an object");
    }

    @Test
    void decode_rejectsMethodTogetherWithResult() {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"result\":{}}", "cannot have both");
    }

    @Test
    void decode_rejectsResponseWithBothResultAndError() {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}}",
                "exactly one of \"result\" and \"error\"");
    }

    @Test
    void decode_rejectsResponseWithNeitherResultNorError() {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":1}", "exactly one of \"result\" and \"error\"");
    }

    @Test
    void decode_rejectsMessageWithoutMethodOrId() {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"result\":{}}", "needs \"method\"");
    }

    @Test
    void decode_rejectsErrorWithoutIntegerCode() {
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\",\"message\":\"m\"}}", "integer \"code\"");
        assertInvalid("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"boom\"}", "integer \"code\"");
    }

    @Test
    void result_encodesEnvelopeAroundResultTree() {
        ObjectNode result = Json.object().put("answer", 42);
        JsonNode encoded = Json.parse(new String(JsonRpcCodec.result(IntNode.valueOf(5), result)));
        assertThat(encoded.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(encoded.get("id")).isEqualTo(IntNode.valueOf(5));
        assertThat(encoded.get("result").get("answer").asInt()).isEqualTo(42);
        assertThat(encoded.has("error")).isFalse();
    }

    @Test
    void error_encodesCodeMessageAndData() {
        ObjectNode data = Json.object().put("uri", "x://y");
        JsonNode encoded = Json.parse(new String(JsonRpcCodec.error(TextNode.valueOf("r1"),
                new McpError(ErrorCodes.INVALID_PARAMS, "Resource not found: x://y", data))));
        assertThat(encoded.get("id").asText()).isEqualTo("r1");
        assertThat(encoded.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(encoded.at("/error/message").asText()).isEqualTo("Resource not found: x://y");
        assertThat(encoded.at("/error/data/uri").asText()).isEqualTo("x://y");
        assertThat(encoded.has("result")).isFalse();
    }

    @Test
    void error_writesNullIdWhenRequestIdUnknown() {
        JsonNode encoded = Json.parse(new String(JsonRpcCodec.error(null, McpError.parseError("bad"))));
        assertThat(encoded.has("id")).isTrue();
        assertThat(encoded.get("id").isNull()).isTrue();
        assertThat(encoded.at("/error/code").asInt()).isEqualTo(ErrorCodes.PARSE_ERROR);
        assertThat(encoded.at("/error/message").asText()).isEqualTo("Parse error: bad");
        assertThat(encoded.at("/error").has("data")).isFalse();
    }

    @Test
    void encodedMessages_decodeBackToTheSameMessage() {
        ObjectNode params = Json.object().put("name", "echo");
        ObjectNode request = JsonRpcCodec.request(IntNode.valueOf(9), "tools/call", params);
        assertThat(decode(Json.text(request))).isEqualTo(new JsonRpcMessage.Request(IntNode.valueOf(9), "tools/call", params));

        ObjectNode notification = JsonRpcCodec.notification("notifications/progress", Json.object().put("progress", 1));
        assertThat(decode(Json.text(notification))).isInstanceOf(JsonRpcMessage.Notification.class);
    }
}
