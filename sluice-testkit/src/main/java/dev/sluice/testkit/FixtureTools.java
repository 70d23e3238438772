package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Content;
import dev.sluice.mcp.model.InputRequest;
import dev.sluice.mcp.model.ResourceContents;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestContext;

import java.util.List;
import java.util.Map;

import static dev.sluice.testkit.ConformanceFixture.log;
import static dev.sluice.testkit.ConformanceFixture.pause;
import static dev.sluice.testkit.ConformanceFixture.requests;
import static dev.sluice.testkit.ConformanceFixture.text;
import static dev.sluice.testkit.ConformanceFixture.tool;
import static dev.sluice.testkit.FixtureSchemas.EMPTY;
import static dev.sluice.testkit.FixtureSchemas.of;

/** The fixture's tools, in the order the suite expects them listed. */
final class FixtureTools {
    private FixtureTools() {
    }

    static void register(McpServer.Builder b) {
        b.tool(tool("test_simple_text", "Returns a simple text response", EMPTY),
                (args, ctx) -> text("This is a simple text response for testing."));
        b.tool(tool("test_image_content", "Returns an image (1x1 PNG)", EMPTY),
                (args, ctx) -> new CallToolResult(List.of(new Content.Image(FixtureMedia.PNG, "image/png")), null, false));
        b.tool(tool("test_audio_content", "Returns audio content (WAV)", EMPTY),
                (args, ctx) -> new CallToolResult(List.of(new Content.Audio(FixtureMedia.WAV, "audio/wav")), null, false));
        b.tool(tool("test_embedded_resource", "Returns an embedded resource", EMPTY),
                (args, ctx) -> new CallToolResult(List.of(new Content.EmbeddedResource(ResourceContents.text(
                        "test://embedded-resource", "text/plain", "This is an embedded resource content."))), null, false));
        b.tool(tool("test_multiple_content_types", "Returns text, image and resource content together", EMPTY),
                (args, ctx) -> new CallToolResult(List.of(
                        Content.text("Multiple content types test:"),
                        new Content.Image(FixtureMedia.PNG, "image/png"),
                        new Content.EmbeddedResource(ResourceContents.text("test://mixed-content-resource", "application/json",
                                "{\"test\":\"data\",\"value\":123}"))), null, false));
        b.tool(tool("test_tool_with_logging", "Sends three log messages while it runs", EMPTY), (args, ctx) -> {
            log(ctx, "Tool execution started");
            pause(50);
            log(ctx, "Tool processing data");
            pause(50);
            log(ctx, "Tool execution completed");
            return text("Tool with logging executed successfully");
        });
        b.tool(tool("test_error_handling", "Always fails with a tool error", EMPTY),
                (args, ctx) -> CallToolResult.error("This tool intentionally returns an error for testing"));
        b.tool(tool("test_tool_with_progress", "Reports progress 0, 50 and 100", EMPTY), (args, ctx) -> {
            ctx.progress(0, 100.0, "Starting");
            pause(50);
            ctx.progress(50, 100.0, "Halfway");
            pause(50);
            ctx.progress(100, 100.0, "Done");
            return text("Tool with progress completed");
        });
        b.tool(tool("test_sampling", "Asks the client's model to complete a prompt", FixtureSchemas.SAMPLING_INPUT), (args, ctx) -> {
            JsonNode answer = ctx.ask("sampling", InputRequest.sample(args.path("prompt").asText(), 100));
            return text("LLM response: " + answer.path("content").path("text").asText(""));
        });
        b.tool(tool("test_elicitation", "Asks the user for information", FixtureSchemas.ELICITATION_INPUT),
                (args, ctx) -> elicitAndEcho(ctx, args.path("message").asText("Please provide your information"), FixtureSchemas.ELICITATION_REQUEST));
        b.tool(tool("test_elicitation_sep1034_defaults", "Elicitation with default values (SEP-1034)", EMPTY),
                (args, ctx) -> elicitAndEcho(ctx, "Please review and update the form fields with defaults", FixtureSchemas.SEP1034_DEFAULTS));
        b.tool(tool("test_elicitation_sep1330_enums", "Elicitation with enum shapes (SEP-1330)", EMPTY),
                (args, ctx) -> elicitAndEcho(ctx, "Please select options from the enum fields", FixtureSchemas.SEP1330_ENUMS));
        b.tool(tool("json_schema_2020_12_tool", "Tool whose input schema uses JSON Schema 2020-12 features", FixtureSchemas.JSON_SCHEMA_2020_12),
                (args, ctx) -> text("JSON Schema 2020-12 tool called with " + Json.text(args)));
        b.tool(tool("test_reconnection", "Returns after a short pause (SSE polling scenario)", EMPTY), (args, ctx) -> {
            pause(100);
            return text("Reconnection test completed");
        });
        registerModern(b);
    }

    /** Tools of the 2026-07-28 fixture; they also work on legacy sessions. */
    private static void registerModern(McpServer.Builder b) {
        b.tool(tool("test_missing_capability", "Needs the client's sampling capability", EMPTY), (args, ctx) -> {
            JsonNode answer = ctx.ask("capital_question", InputRequest.sample("What is the capital of France?", 100));
            return text("Sampled: " + answer.path("content").path("text").asText(""));
        });
        b.tool(tool("test_streaming_elicitation", "Answers on the response stream without asking the client", EMPTY),
                (args, ctx) -> text("Streaming response without server-to-client requests"));
        b.tool(tool("test_logging_tool", "Logs only when the request sets a log level", EMPTY), (args, ctx) -> {
            log(ctx, "test_logging_tool ran");
            return text("Logging tool completed");
        });
        b.tool(tool("test_trigger_tool_change", "Announces a tools list change (the list itself stays the same)", EMPTY), (args, ctx) -> {
            ctx.events().toolsChanged();
            return text("tools/list_changed sent");
        });
        b.tool(tool("test_trigger_prompt_change", "Announces a prompts list change", EMPTY), (args, ctx) -> {
            ctx.events().promptsChanged();
            return text("prompts/list_changed sent");
        });
        b.tool(tool("test_input_required_result_elicitation", "Asks the user's name, then greets them", EMPTY), (args, ctx) -> {
            JsonNode answer = ctx.ask("user_name", InputRequest.elicit("What is your name?", of(FixtureSchemas.NAME_REQUEST)));
            if (!"accept".equals(answer.path("action").asText())) {
                return text("No name given (" + answer.path("action").asText() + ")");
            }
            return text("Hello, " + answer.path("content").path("name").asText("stranger") + "!");
        });
        b.tool(tool("test_input_required_result_sampling", "Asks the client's model a question", EMPTY), (args, ctx) -> {
            JsonNode answer = ctx.ask("capital_question", InputRequest.sample("What is the capital of France?", 100));
            return text("The model said: " + answer.path("content").path("text").asText(""));
        });
        b.tool(tool("test_input_required_result_list_roots", "Asks for the client's roots", EMPTY), (args, ctx) -> {
            JsonNode answer = ctx.ask("client_roots", InputRequest.listRoots());
            return text("The client has " + answer.path("roots").size() + " root(s)");
        });
        b.tool(tool("test_input_required_result_request_state", "Asks for a confirmation, carrying request state", EMPTY), (args, ctx) -> {
            JsonNode answer = ctx.ask("confirm", InputRequest.elicit("Please confirm", of(FixtureSchemas.CONFIRM_REQUEST)));
            return text("state-ok: confirmed=" + answer.path("content").path("ok").asBoolean(false));
        });
        b.tool(tool("test_input_required_result_multiple_inputs", "Asks for elicitation, sampling and roots at once", EMPTY), (args, ctx) -> {
            Map<String, JsonNode> answers = ctx.ask(requests(
                    "user_name", InputRequest.elicit("What is your name?", of(FixtureSchemas.NAME_REQUEST)),
                    "greeting", InputRequest.sample("Write a short greeting", 50),
                    "client_roots", InputRequest.listRoots()));
            return text("Got " + answers.size() + " answers: name=" + answers.get("user_name").path("content").path("name").asText()
                    + ", greeting=" + answers.get("greeting").path("content").path("text").asText()
                    + ", roots=" + answers.get("client_roots").path("roots").size());
        });
        b.tool(tool("test_input_required_result_multi_round", "Asks two questions in two rounds", EMPTY), (args, ctx) -> {
            JsonNode name = ctx.ask("step1", InputRequest.elicit("What is your name?", of(FixtureSchemas.NAME_REQUEST)));
            JsonNode color = ctx.ask("step2", InputRequest.elicit("What is your favourite colour?", of(FixtureSchemas.COLOR_REQUEST)));
            return text(name.path("content").path("name").asText() + " likes " + color.path("content").path("color").asText());
        });
        b.tool(tool("test_input_required_result_tampered_state", "Rejects a requestState that was altered", EMPTY), (args, ctx) -> {
            ctx.ask("confirm", InputRequest.elicit("Please confirm", of(FixtureSchemas.CONFIRM_REQUEST)));
            return text("state verified");
        });
        b.tool(tool("test_input_required_result_capabilities", "Asks only for what the client declared", EMPTY),
                FixtureTools::askWithinCapabilities);
        b.tool(tool("test_x_mcp_header", "Mirrors its region argument into the Mcp-Param-Region header", FixtureSchemas.X_MCP_HEADER),
                (args, ctx) -> text("region=" + args.path("region").asText("(none)") + " level=" + args.path("level").asText("(none)")));
    }

    private static CallToolResult askWithinCapabilities(ObjectNode args, RequestContext ctx) {
        if (ctx.caller().supports("elicitation")) {
            JsonNode a = ctx.ask("user_name", InputRequest.elicit("What is your name?", of(FixtureSchemas.NAME_REQUEST)));
            return text("elicitation answered: " + a.path("action").asText());
        }
        if (ctx.caller().supports("sampling")) {
            JsonNode a = ctx.ask("capital_question", InputRequest.sample("What is the capital of France?", 100));
            return text("sampling answered: " + a.path("content").path("text").asText());
        }
        if (ctx.caller().supports("roots")) {
            JsonNode a = ctx.ask("client_roots", InputRequest.listRoots());
            return text("roots answered: " + a.path("roots").size());
        }
        return text("The client declared no input capabilities, so nothing was asked");
    }

    private static CallToolResult elicitAndEcho(RequestContext ctx, String message, String schema) {
        JsonNode answer = ctx.ask("elicitation", InputRequest.elicit(message, of(schema)));
        return text("User response: action=" + answer.path("action").asText() + ", content=" + Json.text(answer.path("content")));
    }
}
