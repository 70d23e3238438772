package dev.sluice.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.sluice.mcp.server.McpServer;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small server for transport tests: {@code echo}, a tool that blocks until cancelled, one that
 * reports progress, one that streams progress until cancelled, one that asks for sampling, a
 * tool with an {@code x-mcp-header} parameter, a prompt, a resource and a resource template.
 * Latches let tests wait for handler events instead of sleeping.
 */
public final class TestServerFixture {
    private volatile CountDownLatch started = new CountDownLatch(1);
    private volatile CountDownLatch cancelled = new CountDownLatch(1);
    private final AtomicReference<Boolean> sawCancelled = new AtomicReference<>();

    /** The blocking tools count this down once they are running. */
    public CountDownLatch started() {
        return started;
    }

    /** Counted down by the blocking tools' cancellation callback. */
    public CountDownLatch cancelled() {
        return cancelled;
    }

    /** Whether the blocking tool saw {@code ctx.isCancelled()} after the callback ran. */
    public Boolean sawCancelled() {
        return sawCancelled.get();
    }

    /** Releases any tool still blocked and arms fresh latches for the next test. */
    public void reset() {
        CountDownLatch old = cancelled;
        started = new CountDownLatch(1);
        cancelled = new CountDownLatch(1);
        sawCancelled.set(null);
        old.countDown();
    }

    public static ObjectNode echoSchema() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        schema.putObject("properties").putObject("text").put("type", "string");
        schema.putArray("required").add("text");
        return schema;
    }

    public static ObjectNode regionSchema() {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        ObjectNode region = schema.putObject("properties").putObject("region");
        region.put("type", "string");
        region.put("x-mcp-header", "Region");
        return schema;
    }

    public McpServer build() {
        return builder().build();
    }

    public McpServer.Builder builder() {
        return McpServer.builder("fixture", "1.0")
                .tool(Tool.of("echo", "Echoes its text", echoSchema()),
                        (args, ctx) -> CallToolResult.text(args.get("text").asText()))
                .tool(Tool.of("block", "Blocks until cancelled", Tool.emptyObjectSchema()), (args, ctx) -> {
                    CountDownLatch done = cancelled;
                    ctx.cancellation().onCancel(done::countDown);
                    started.countDown();
                    await(done);
                    sawCancelled.set(ctx.isCancelled());
                    return CallToolResult.text("finished, cancelled=" + ctx.isCancelled());
                })
                .tool(Tool.of("progress", "Reports progress twice", Tool.emptyObjectSchema()), (args, ctx) -> {
                    ctx.progress(1, 2.0, "half");
                    ctx.progress(2, 2.0, "done");
                    return CallToolResult.text("progressed");
                })
                .tool(Tool.of("stream", "Reports progress once, then waits silently until cancelled", Tool.emptyObjectSchema()), (args, ctx) -> {
                    CountDownLatch done = cancelled;
                    ctx.cancellation().onCancel(done::countDown);
                    ctx.progress(1, null, "started");
                    started.countDown();
                    await(done);
                    sawCancelled.set(ctx.isCancelled());
                    return CallToolResult.text("stream ended");
                })
                .tool(Tool.of("heartbeat", "Reports progress every 20 ms until cancelled", Tool.emptyObjectSchema()), (args, ctx) -> {
                    CountDownLatch done = cancelled;
                    ctx.cancellation().onCancel(done::countDown);
                    started.countDown();
                    for (int beat = 1; beat < 1000 && !awaitFor(done, 20); beat++) {
                        ctx.progress(beat, null, "beat");
                    }
                    sawCancelled.set(ctx.isCancelled());
                    return CallToolResult.text("heartbeat ended");
                })
                .tool(Tool.of("sample", "Asks the client for a completion", Tool.emptyObjectSchema()), (args, ctx) -> {
                    JsonNode answer = ctx.ask("k", InputRequest.sample("hi", 10));
                    return CallToolResult.text("sampled: " + answer.path("content").path("text").asText());
                })
                .tool(Tool.of("regional", "Has a parameter mirrored in a header", regionSchema()),
                        (args, ctx) -> CallToolResult.text("region " + args.path("region").asText("none")))
                .prompt(new Prompt("greet", null, "Greets someone", List.of(new Prompt.Argument("name", "who", true))),
                        (args, ctx) -> new GetPromptResult(null, List.of(PromptMessage.user(Content.text("Hello " + args.get("name"))))))
                .resource(new Resource("test://static", "static", null, null, "text/plain"),
                        (uri, vars, ctx) -> List.of(ResourceContents.text(uri, "text/plain", "static content")))
                .resourceTemplate(new ResourceTemplate("test://template/{id}/data", "data", null, "text/plain"),
                        (uri, vars, ctx) -> List.of(ResourceContents.text(uri, "text/plain", "data for " + vars.get("id"))));
    }

    private static void await(CountDownLatch latch) {
        awaitFor(latch, 20_000);
    }

    private static boolean awaitFor(CountDownLatch latch, long millis) {
        try {
            return latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
