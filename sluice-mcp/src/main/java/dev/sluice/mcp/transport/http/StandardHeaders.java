package dev.sluice.mcp.transport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.jsonrpc.JsonRpcMessage;
import dev.sluice.mcp.model.Tool;
import org.eclipse.jetty.http.HttpFields;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The 2026-07-28 rule that headers mirror the body: {@code Mcp-Method}, {@code Mcp-Name}, and
 * {@code Mcp-Param-*} for tool parameters marked {@code x-mcp-header}. Intermediaries route on
 * headers while we execute the body, so any disagreement is refused with -32020.
 */
final class StandardHeaders {
    private static final String SENTINEL_PREFIX = "=?base64?";
    private static final String SENTINEL_SUFFIX = "?=";
    private static final Pattern BASE64 = Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");

    private StandardHeaders() {
    }

    static void validate(HttpFields headers, JsonRpcMessage.Request request, Function<String, Tool> tools) {
        String method = headers.get("Mcp-Method");
        if (method == null) {
            throw McpError.headerMismatch("the Mcp-Method header is required and must equal the body's method");
        }
        if (!method.trim().equals(request.method())) {
            throw McpError.headerMismatch("Mcp-Method header '" + method.trim() + "' does not match body method '" + request.method() + "'");
        }
        String nameField = switch (request.method()) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        if (nameField == null) {
            return;
        }
        String bodyName = request.params().path(nameField).asText(null);
        String header = headers.get("Mcp-Name");
        if (header == null) {
            throw McpError.headerMismatch("the Mcp-Name header is required on " + request.method() + " and must equal params." + nameField);
        }
        String headerName = decode(header, "Mcp-Name");
        if (!headerName.equals(bodyName)) {
            throw McpError.headerMismatch("Mcp-Name header '" + headerName + "' does not match body params." + nameField + " '" + bodyName + "'");
        }
        if (request.method().equals("tools/call")) {
            Tool tool = tools.apply(bodyName);
            if (tool != null) {
                validateParams(headers, tool, request.params().path("arguments"));
            }
        }
    }

    private static void validateParams(HttpFields headers, Tool tool, JsonNode arguments) {
        for (HeaderParam param : headerParams(tool.inputSchema())) {
            JsonNode value = valueAt(arguments, param.path());
            String header = headers.get("Mcp-Param-" + param.headerName());
            if (value == null || value.isNull() || value.isMissingNode()) {
                continue;
            }
            if (header == null) {
                throw McpError.headerMismatch("argument '" + String.join(".", param.path()) + "' is present, so the header Mcp-Param-"
                        + param.headerName() + " is required");
            }
            String decoded = decode(header, "Mcp-Param-" + param.headerName());
            if (!sameValue(decoded, value)) {
                throw McpError.headerMismatch("header Mcp-Param-" + param.headerName() + " does not match argument '"
                        + String.join(".", param.path()) + "'");
            }
        }
    }

    private static boolean sameValue(String header, JsonNode value) {
        if (value.isTextual()) {
            return header.equals(value.asText());
        }
        if (value.isBoolean()) {
            return header.equals(value.asBoolean() ? "true" : "false");
        }
        if (value.isNumber()) {
            try {
                return new BigDecimal(header).compareTo(value.decimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** Decodes the Base64 sentinel form; a value without both markers is taken literally. */
    static String decode(String raw, String headerName) {
        String value = raw.trim();
        if (value.startsWith(SENTINEL_PREFIX) && value.endsWith(SENTINEL_SUFFIX)
                && value.length() >= SENTINEL_PREFIX.length() + SENTINEL_SUFFIX.length()) {
            String body = value.substring(SENTINEL_PREFIX.length(), value.length() - SENTINEL_SUFFIX.length());
            if (!BASE64.matcher(body).matches()) {
                throw McpError.headerMismatch(headerName + " has an invalid Base64 value");
            }
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                throw McpError.headerMismatch(headerName + " contains characters that must be Base64-encoded");
            }
        }
        return value;
    }

    record HeaderParam(List<String> path, String headerName) {
    }

    /** Properties annotated with x-mcp-header, reachable from the root through "properties" only. */
    static List<HeaderParam> headerParams(ObjectNode schema) {
        List<HeaderParam> params = new ArrayList<>();
        collect(schema, new ArrayList<>(), params);
        return params;
    }

    private static void collect(JsonNode schema, List<String> path, List<HeaderParam> out) {
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> childPath = new ArrayList<>(path);
            childPath.add(e.getKey());
            JsonNode header = e.getValue().get("x-mcp-header");
            if (header != null && header.isTextual()) {
                out.add(new HeaderParam(List.copyOf(childPath), header.asText()));
            }
            collect(e.getValue(), childPath, out);
        }
    }

    private static JsonNode valueAt(JsonNode arguments, List<String> path) {
        JsonNode node = arguments;
        for (String step : path) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node;
    }
}
