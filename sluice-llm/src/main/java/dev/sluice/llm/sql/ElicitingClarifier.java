package dev.sluice.llm.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.model.InputRequest;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.tools.QuestionAnswering.Question;

import static java.util.Objects.requireNonNull;

/**
 * Asks the user through MCP form elicitation ({@code elicitation/create}) with
 * {@link RequestContext#ask}: a server-to-client request on legacy sessions, an
 * {@code input_required} round on 2026-07-28 requests (the handler then runs again from the top
 * and gets the answer here). The form has one field, {@code answer}: free text of at most
 * {@value ClarifyingQuestion#MAX_ANSWER} characters, or one of the model's options.
 */
final class ElicitingClarifier implements Clarifier {
    private final RequestContext context;
    /**
     * The input key, {@code clarify_<digest>} of the source, the question and its hints
     * ({@link RememberedProvider#scope}): at most one clarification per call, and an answer sealed
     * in a {@code requestState} for one question is never taken for another's.
     */
    private final String key;

    ElicitingClarifier(RequestContext context, String source, Question question) {
        this.context = requireNonNull(context, "context is null");
        this.key = "clarify_" + RememberedProvider.scope(source, question);
    }

    String key() {
        return key;
    }

    /** Form elicitation: a client that declared {@code elicitation: {}} (form implied) or {@code elicitation: {form: {}}}. */
    @Override
    public boolean canAsk() {
        if (!context.caller().supports("elicitation")) {
            return false;
        }
        JsonNode modes = context.caller().capabilities().get("elicitation");
        return modes.has("form") || !modes.has("url");
    }

    @Override
    public Reply ask(String question, ClarifyingQuestion clarifying) {
        JsonNode result;
        try {
            result = context.ask(key, InputRequest.elicit(message(question, clarifying), schema(clarifying)));
        } catch (McpError e) {
            // cancellation ends the request, and a malformed answer is the client's protocol error
            if (e.code() == ErrorCodes.REQUEST_CANCELLED || e.code() == ErrorCodes.INVALID_PARAMS) {
                throw e;
            }
            return new Unavailable("the client could not ask the user (" + e.getMessage() + ")");
        }
        return switch (result.path("action").asText()) {
            case "accept" -> {
                JsonNode answer = result.path("content").path("answer");
                yield answer.isTextual() && !answer.asText().isBlank() ? new Answered(answer.asText()) : new Declined(false);
            }
            case "cancel" -> new Declined(true);
            default -> new Declined(false);
        };
    }

    /** The elicitation message, in Japanese for a Japanese question ({@link QuestionLanguage}), else in English. */
    static String message(String question, ClarifyingQuestion clarifying) {
        String shown = TextToSql.shorten(question, 200);
        return QuestionLanguage.of(question).japanese()
                ? "「" + shown + "」にお答えするため、1点確認させてください: " + clarifying.question()
                : "To answer \"" + shown + "\" one thing needs clarifying: " + clarifying.question();
    }

    static ObjectNode schema(ClarifyingQuestion clarifying) {
        ObjectNode schema = Json.object();
        schema.put("type", "object");
        ObjectNode answer = schema.putObject("properties").putObject("answer");
        answer.put("type", "string");
        answer.put("title", "Your answer");
        answer.put("description", clarifying.question());
        if (clarifying.options().isEmpty()) {
            answer.put("maxLength", ClarifyingQuestion.MAX_ANSWER);
        } else {
            clarifying.options().forEach(answer.putArray("enum")::add);
        }
        schema.putArray("required").add("answer");
        return schema;
    }
}
