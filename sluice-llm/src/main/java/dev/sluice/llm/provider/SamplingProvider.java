package dev.sluice.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.model.InputRequest;
import dev.sluice.mcp.server.RequestContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * Asks the connected MCP client's own model with {@code sampling/createMessage}, through
 * {@link RequestContext#ask}, so it is bound to the one request being served.
 *
 * <p>Legacy sessions (protocol 2025-11-25 and older): {@code ask} sends a server-to-client request
 * and blocks until the client answers, {@code clientRequestTimeout} passes, or the request is
 * cancelled. 2026-07-28 requests: the first time, {@code ask} throws
 * {@code dev.sluice.mcp.server.InputRequired}; it must propagate out of the tool handler (this
 * class never catches it), the call returns {@code input_required}, and the client calls the tool
 * again with the model's answer in {@code inputResponses}. The handler then runs from the top and
 * this {@code complete} returns the answer. Each call's key is {@code llm_<n>_<purpose>} with
 * {@code n} counting calls within the request, so handlers must ask in the same order every time.
 *
 * <p>No retries: a retry would ask the user again. Usage is unreported (the client does not say).
 */
final class SamplingProvider implements LlmProvider {
    static final String KIND = "sampling";
    private final RequestContext context;
    private final LlmSettings settings;
    private final Clock clock;

    SamplingProvider(RequestContext context, LlmSettings settings, Clock clock) {
        this.context = requireNonNull(context, "context is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The number of sampling calls made so far while serving one request (attempt). */
    private static final class Counter {
        final AtomicInteger calls = new AtomicInteger();
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        String key = "llm_" + nextCall() + "_" + request.purpose();
        Instant start = clock.instant();
        JsonNode answer;
        try {
            answer = context.ask(key, new InputRequest(InputRequest.SAMPLE, params(request)));
        } catch (McpError e) {
            throw translate(e);
        }
        return toResponse(answer, Duration.between(start, clock.instant()));
    }

    private int nextCall() {
        synchronized (context) {
            Counter counter = context.attribute(Counter.class);
            if (counter == null) {
                counter = new Counter();
                context.setAttribute(Counter.class, counter);
            }
            return counter.calls.incrementAndGet();
        }
    }

    ObjectNode params(LlmRequest request) {
        ObjectNode p = Json.object();
        ArrayNode messages = p.putArray("messages");
        for (LlmMessage m : request.messages()) {
            ObjectNode message = messages.addObject();
            message.put("role", m.role().wireName());
            ObjectNode content = message.putObject("content");
            content.put("type", "text");
            content.put("text", m.text());
        }
        if (settings.model() != null) {
            p.putObject("modelPreferences").putArray("hints").addObject().put("name", settings.model());
        }
        if (!request.system().isEmpty()) {
            p.put("systemPrompt", request.system());
        }
        p.put("includeContext", "none");
        Double temperature = request.temperature() != null ? request.temperature() : settings.temperature();
        if (temperature != null) {
            p.put("temperature", temperature);
        }
        p.put("maxTokens", request.maxTokens() != null ? request.maxTokens() : settings.maxTokens());
        if (!request.stopSequences().isEmpty()) {
            ArrayNode stops = p.putArray("stopSequences");
            request.stopSequences().forEach(stops::add);
        }
        return p;
    }

    private static RuntimeException translate(McpError e) {
        return switch (e.code()) {
            // cancellation ends the whole request; a malformed answer is the client's protocol error
            case ErrorCodes.REQUEST_CANCELLED, ErrorCodes.INVALID_PARAMS -> e;
            case ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY -> new LlmException(LlmException.Kind.NOT_CONFIGURED, KIND,
                    "the client did not declare the sampling capability; configure llm.provider anthropic, openai or bedrock", null, e);
            case ErrorCodes.INVALID_REQUEST -> new LlmException(LlmException.Kind.UNAVAILABLE, KIND,
                    "cannot ask the client for sampling on this connection: " + e.getMessage(), null, e);
            case ErrorCodes.INTERNAL_ERROR -> Failures.lower(e.getMessage()).contains("did not answer")
                    ? new LlmException(LlmException.Kind.TIMEOUT, KIND, e.getMessage() + "; the user may not have approved the request", null, e)
                    : new LlmException(LlmException.Kind.UNAVAILABLE, KIND, e.getMessage(), null, e);
            default -> new LlmException(LlmException.Kind.REFUSED, KIND,
                    "the client declined the sampling request (" + e.getMessage() + ")", null, e);
        };
    }

    private static LlmResponse toResponse(JsonNode answer, Duration latency) {
        JsonNode content = answer.path("content");
        StringBuilder text = new StringBuilder();
        boolean sawText = false;
        for (JsonNode block : content.isArray() ? content : java.util.List.of(content)) {
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                text.append(block.get("text").asText());
                sawText = true;
            }
        }
        if (!sawText) {
            throw new LlmException(LlmException.Kind.MALFORMED, KIND,
                    "the client's sampling answer has no text content (got type '" + content.path("type").asText("?") + "')");
        }
        LlmResponse.StopReason stop = switch (answer.path("stopReason").asText("")) {
            case "endTurn" -> LlmResponse.StopReason.END_TURN;
            case "maxTokens" -> LlmResponse.StopReason.MAX_TOKENS;
            case "stopSequence" -> LlmResponse.StopReason.STOP_SEQUENCE;
            case "refusal" -> LlmResponse.StopReason.REFUSAL;
            default -> LlmResponse.StopReason.OTHER;
        };
        String model = answer.path("model").isTextual() ? answer.get("model").asText() : "(client model)";
        return new LlmResponse(text.toString(), model, stop, Usage.UNREPORTED, latency);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String model() {
        return settings.model() != null ? settings.model() : "(the client's choice)";
    }
}
