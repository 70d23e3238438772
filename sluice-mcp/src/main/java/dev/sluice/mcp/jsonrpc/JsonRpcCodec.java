package dev.sluice.mcp.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Strict JSON-RPC 2.0 decoding (every shape error becomes a precise -32600) and fast encoding
 * that streams the envelope around an already-built result tree.
 */
public final class JsonRpcCodec {
    private JsonRpcCodec() {
    }

    /** Decodes one message; throws {@link McpError} with -32600 for anything that is not one. */
    public static JsonRpcMessage decode(JsonNode node) {
        if (node == null || !node.isObject()) {
            if (node != null && node.isArray()) {
                throw McpError.invalidRequest("JSON-RPC batches are not supported; send one message per request");
            }
            throw McpError.invalidRequest("a JSON-RPC message must be a JSON object");
        }
        JsonNode version = node.get("jsonrpc");
        if (version == null || !"2.0".equals(version.asText(null)) || !version.isTextual()) {
            throw McpError.invalidRequest("\"jsonrpc\" must be the string \"2.0\"");
        }
        JsonNode id = node.get("id");
        if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
            throw McpError.invalidRequest("\"id\" must be a string or an integer");
        }
        JsonNode method = node.get("method");
        if (method != null) {
            if (!method.isTextual() || method.asText().isEmpty()) {
                throw McpError.invalidRequest("\"method\" must be a non-empty string");
            }
            JsonNode params = node.get("params");
            ObjectNode paramsObject;
            if (params == null || params.isNull()) {
                paramsObject = JsonNodeFactory.instance.objectNode();
            } else if (params.isObject()) {
                paramsObject = (ObjectNode) params;
            } else {
                throw McpError.invalidRequest("\"params\" must be an object");
            }
            if (node.has("result") || node.has("error")) {
                throw McpError.invalidRequest("a message cannot have both \"method\" and \"result\"/\"error\"");
            }
            return id == null
                    ? new JsonRpcMessage.Notification(method.asText(), paramsObject)
                    : new JsonRpcMessage.Request(id, method.asText(), paramsObject);
        }
        if (id == null) {
            throw McpError.invalidRequest("a message needs \"method\" (request or notification) or \"id\" (response)");
        }
        JsonNode result = node.get("result");
        JsonNode error = node.get("error");
        if ((result == null) == (error == null)) {
            throw McpError.invalidRequest("a response needs exactly one of \"result\" and \"error\"");
        }
        if (error != null && !(error.isObject() && error.path("code").isIntegralNumber())) {
            throw McpError.invalidRequest("\"error\" must be an object with an integer \"code\"");
        }
        return new JsonRpcMessage.Response(id, result, (ObjectNode) error);
    }

    public static byte[] result(JsonNode id, JsonNode result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("jsonrpc", "2.0");
            g.writeFieldName("id");
            Json.MAPPER.writeTree(g, id);
            g.writeFieldName("result");
            Json.MAPPER.writeTree(g, result);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An error response; {@code id} may be null when the request's id could not be read. */
    public static byte[] error(JsonNode id, McpError error) {
        return Json.bytes(errorNode(id, error));
    }

    public static ObjectNode errorNode(JsonNode id, McpError error) {
        ObjectNode node = Json.object();
        node.put("jsonrpc", "2.0");
        if (id == null) {
            node.putNull("id");
        } else {
            node.set("id", id);
        }
        ObjectNode err = node.putObject("error");
        err.put("code", error.code());
        err.put("message", error.getMessage());
        if (error.data() != null) {
            err.set("data", error.data());
        }
        return node;
    }

    public static ObjectNode notification(String method, ObjectNode params) {
        ObjectNode node = Json.object();
        node.put("jsonrpc", "2.0");
        node.put("method", method);
        node.set("params", params);
        return node;
    }

    public static ObjectNode request(JsonNode id, String method, ObjectNode params) {
        ObjectNode node = Json.object();
        node.put("jsonrpc", "2.0");
        node.set("id", id);
        node.put("method", method);
        node.set("params", params);
        return node;
    }

    /** Copies an object's fields: used to merge handler results into protocol envelopes. */
    public static void putAll(ObjectNode target, ObjectNode source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            target.set(e.getKey(), e.getValue());
        }
    }
}
