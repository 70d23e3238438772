package dev.sluice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Content;
import dev.sluice.mcp.model.GetPromptResult;
import dev.sluice.mcp.model.InputRequest;
import dev.sluice.mcp.model.Prompt;
import dev.sluice.mcp.model.PromptMessage;
import dev.sluice.mcp.model.Resource;
import dev.sluice.mcp.model.ResourceContents;
import dev.sluice.mcp.model.ResourceTemplate;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.Handlers;
import dev.sluice.mcp.server.LogLevel;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static dev.sluice.testkit.FixtureSchemas.of;

/** Builds the conformance fixture server. Tool order matters: the suite calls the first tool bare. */
public final class ConformanceFixture {
    static final String WATCHED = "test://watched-resource";

    private ConformanceFixture() {
    }

    public static McpServer build(String version) {
        McpServer.Builder b = McpServer.builder("sluice-conformance-fixture", version)
                .title("Sluice conformance fixture")
                .instructions("Fixture for the MCP conformance suite, served by Sluice's protocol stack.")
                .cacheHints(new McpServer.CacheHints(300_000, "public", 300_000, "private"));
        FixtureTools.register(b);
        registerResources(b);
        registerPrompts(b);
        b.completion((ref, argument, prefix, context) -> {
            List<String> options = List.of("paris", "park", "party", "test", "testValue1", "testValue2");
            List<String> values = options.stream().filter(o -> o.startsWith(prefix)).toList();
            return new Handlers.Completion(values, values.size(), false);
        });
        return b.build();
    }

    /** Updates the watched resource every few seconds, as the reference server does. */
    public static ScheduledExecutorService startWatchedResourceUpdates(McpServer server) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fixture-watched-resource");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> server.events().resourceUpdated(WATCHED), 3, 3, TimeUnit.SECONDS);
        return timer;
    }

    private static void registerResources(McpServer.Builder b) {
        b.resource(new Resource("test://static-text", "Static Text Resource", null, "A static text resource for testing", "text/plain"),
                (uri, vars, ctx) -> List.of(ResourceContents.text(uri, "text/plain", "This is the content of the static text resource.")));
        b.resource(new Resource("test://static-binary", "Static Binary Resource", null, "A static binary resource (image) for testing", "image/png"),
                (uri, vars, ctx) -> List.of(ResourceContents.blob(uri, "image/png", FixtureMedia.PNG)));
        b.resource(new Resource(WATCHED, "Watched Resource", null, "A resource that changes every few seconds", "text/plain"),
                (uri, vars, ctx) -> List.of(ResourceContents.text(uri, "text/plain", "Watched resource content at " + System.currentTimeMillis())));
        b.resourceTemplate(new ResourceTemplate("test://template/{id}/data", "Resource Template", "A resource template with a parameter", "application/json"),
                (uri, vars, ctx) -> {
                    ObjectNode data = Json.object();
                    data.put("id", vars.get("id"));
                    data.put("templateTest", true);
                    data.put("data", "Data for ID: " + vars.get("id"));
                    return List.of(ResourceContents.text(uri, "application/json", Json.text(data)));
                });
    }

    private static void registerPrompts(McpServer.Builder b) {
        b.prompt(new Prompt("test_simple_prompt", null, "A simple prompt without arguments", List.of()),
                (args, ctx) -> new GetPromptResult(null, List.of(PromptMessage.user(Content.text("This is a simple prompt for testing.")))));
        b.prompt(new Prompt("test_prompt_with_arguments", null, "A prompt with required arguments", List.of(
                        new Prompt.Argument("arg1", "First test argument", true),
                        new Prompt.Argument("arg2", "Second test argument", true))),
                (args, ctx) -> new GetPromptResult(null, List.of(PromptMessage.user(Content.text(
                        "Prompt with arguments: arg1='" + args.get("arg1") + "', arg2='" + args.get("arg2") + "'")))));
        b.prompt(new Prompt("test_prompt_with_embedded_resource", null, "A prompt that includes an embedded resource",
                        List.of(new Prompt.Argument("resourceUri", "URI of the resource to embed", true))),
                (args, ctx) -> new GetPromptResult(null, List.of(
                        PromptMessage.user(new Content.EmbeddedResource(ResourceContents.text(args.get("resourceUri"), "text/plain",
                                "Embedded resource content for testing."))),
                        PromptMessage.user(Content.text("Please process the embedded resource above.")))));
        b.prompt(new Prompt("test_prompt_with_image", null, "A prompt that includes image content", List.of()),
                (args, ctx) -> new GetPromptResult(null, List.of(
                        PromptMessage.user(new Content.Image(FixtureMedia.PNG, "image/png")),
                        PromptMessage.user(Content.text("Please analyze the image above.")))));
        b.prompt(new Prompt("test_input_required_result_prompt", null,
                        "A prompt that asks the user for context before rendering (multi round-trip)", List.of()),
                ConformanceFixture::promptWithContext);
    }

    private static GetPromptResult promptWithContext(Map<String, String> args, RequestContext ctx) {
        JsonNode answer = ctx.ask("user_context", InputRequest.elicit("What context should the prompt use?",
                of(FixtureSchemas.CONTEXT_REQUEST)));
        String context = answer.path("content").path("context").asText("(none)");
        return new GetPromptResult(null, List.of(PromptMessage.user(Content.text("Use this context: " + context))));
    }

    static CallToolResult text(String text) {
        return CallToolResult.text(text);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, InputRequest> requests(Object... keysAndRequests) {
        Map<String, InputRequest> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndRequests.length; i += 2) {
            map.put((String) keysAndRequests[i], (InputRequest) keysAndRequests[i + 1]);
        }
        return map;
    }

    static void log(RequestContext ctx, String message) {
        ctx.log(LogLevel.INFO, "conformance", Json.MAPPER.getNodeFactory().textNode(message));
    }

    static Tool tool(String name, String description, String schema) {
        return Tool.of(name, description, of(schema));
    }
}
