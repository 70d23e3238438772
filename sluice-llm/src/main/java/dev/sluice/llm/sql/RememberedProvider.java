package dev.sluice.llm.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.core.hash.Sha256;
import dev.sluice.llm.provider.LlmProvider;
import dev.sluice.llm.provider.LlmRequest;
import dev.sluice.llm.provider.LlmResponse;
import dev.sluice.llm.provider.ProviderKind;
import dev.sluice.llm.provider.Usage;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.tools.QuestionAnswering.Question;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * A remote model whose answers within one request survive 2026-07-28 {@code input_required}
 * rounds ({@link RequestContext#remember}): when a clarifying question is put to the user, the
 * handler runs again from the top, and without this the model would be asked (and paid) again and
 * might ask a different question than the one the user answered. The sampling provider needs no
 * such help: its answers already come back in the request state, counted in call order.
 */
final class RememberedProvider implements LlmProvider {
    private static final String SAMPLED_FOR = "sampling_question";
    private final LlmProvider delegate;
    private final RequestContext context;
    private final String scope;
    private int calls;
    /** The calls really made on this round (not replayed from the request state): what this round paid for. */
    private int freshCalls;
    private long freshInput;
    private long freshOutput;
    private String freshModel;

    private RememberedProvider(LlmProvider delegate, RequestContext context, String scope) {
        this.delegate = delegate;
        this.context = context;
        this.scope = scope;
    }

    /**
     * {@code llm}, remembered per request on 2026-07-28 requests. The keys are scoped by
     * {@link #scope}: the source, the question and its catalog/database/table hints, so a
     * {@code requestState} carried over to a call with other arguments (the state is bound to the
     * tool and the subject, not to the arguments) does not hand this call another call's answers.
     */
    static LlmProvider wrap(LlmProvider llm, RequestContext context, String source, Question question) {
        requireNonNull(llm, "llm is null");
        requireNonNull(context, "context is null");
        if (!context.caller().modern() || !llm.available()) {
            return llm;
        }
        if (ProviderKind.SAMPLING.wireName().equals(llm.kind())) {
            requireSameQuestion(context, scope(source, question));
            return llm;
        }
        return new RememberedProvider(llm, context, "llm_" + scope(source, question));
    }

    /**
     * The client's sampled replies come back in the request state keyed by call order
     * ({@code llm_1_sql}, ...), not by question: a state carried over to a call with another question
     * or other hints would hand it SQL written for the first one. So the state remembers the
     * question it was made for, and a call that brings it with another is refused.
     */
    private static void requireSameQuestion(RequestContext context, String scope) {
        JsonNode madeFor = context.remember(SAMPLED_FOR, () -> TextNode.valueOf(scope));
        if (!scope.equals(madeFor.asText())) {
            throw McpError.invalidParams("requestState belongs to a call with another question, source or hints; "
                    + "send this call without requestState and inputResponses to start again");
        }
    }

    /** A short digest of what a generation depends on: the source, the question and its hints. */
    static String scope(String source, Question question) {
        requireNonNull(question, "question is null");
        return digest(String.join("\u0000", String.valueOf(source), question.text(), String.valueOf(question.catalog()),
                String.valueOf(question.database()), String.valueOf(question.table())));
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        String key = scope + "_" + (++calls) + "_" + request.purpose();
        LlmResponse[] fresh = new LlmResponse[1];
        JsonNode remembered = context.remember(key, () -> {
            fresh[0] = delegate.complete(request);
            return toJson(fresh[0]);
        });
        if (fresh[0] != null) {
            freshCalls++;
            freshInput += fresh[0].usage().inputTokens();
            freshOutput += fresh[0].usage().outputTokens();
            freshModel = fresh[0].model();
        }
        return fromJson(remembered);
    }

    /**
     * The calls made on this round and their tokens, as audit facts for {@code question}: replayed
     * answers were paid for, and audited, on the round that made them.
     */
    LlmCallFacts freshFacts(String question, String generatedSql, Clarification clarification) {
        return new LlmCallFacts(question, generatedSql, delegate.kind(), freshModel != null ? freshModel : delegate.model(),
                freshInput, freshOutput, freshCalls, clarification);
    }

    int freshCalls() {
        return freshCalls;
    }

    @Override
    public String kind() {
        return delegate.kind();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    private static ObjectNode toJson(LlmResponse r) {
        ObjectNode o = Json.object();
        o.put("text", r.text());
        o.put("model", r.model());
        o.put("stop", r.stopReason().name());
        o.put("in", r.usage().inputTokens());
        o.put("out", r.usage().outputTokens());
        o.put("reported", r.usage().reported());
        o.put("ms", r.latency().toMillis());
        return o;
    }

    private static LlmResponse fromJson(JsonNode o) {
        return new LlmResponse(o.path("text").asText(), o.path("model").asText(), LlmResponse.StopReason.valueOf(o.path("stop").asText()),
                new Usage(o.path("in").asLong(), o.path("out").asLong(), o.path("reported").asBoolean()),
                Duration.ofMillis(o.path("ms").asLong()));
    }

    private static String digest(String text) {
        return Sha256.hex(text, 6);
    }
}
