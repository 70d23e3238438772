package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.model.InputRequest;

/** Shape checks for the client's answers to input requests: malformed answers are protocol errors. */
final class InputResponses {
    private InputResponses() {
    }

    static JsonNode validate(String key, String method, JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            throw McpError.invalidParams("inputResponses." + key + " must be a " + resultName(method) + " object");
        }
        boolean ok = switch (method) {
            case InputRequest.ELICIT -> {
                String action = answer.path("action").asText("");
                JsonNode content = answer.get("content");
                yield (action.equals("accept") || action.equals("decline") || action.equals("cancel"))
                        && (content == null || content.isObject());
            }
            case InputRequest.SAMPLE -> answer.path("role").isTextual() && answer.has("content");
            case InputRequest.ROOTS -> answer.path("roots").isArray();
            default -> false;
        };
        if (!ok) {
            throw McpError.invalidParams("inputResponses." + key + " is not a valid " + resultName(method));
        }
        return answer;
    }

    private static String resultName(String method) {
        return switch (method) {
            case InputRequest.ELICIT -> "ElicitResult (action accept|decline|cancel, content object)";
            case InputRequest.SAMPLE -> "CreateMessageResult (role, content)";
            case InputRequest.ROOTS -> "ListRootsResult (roots array)";
            default -> method;
        };
    }
}
