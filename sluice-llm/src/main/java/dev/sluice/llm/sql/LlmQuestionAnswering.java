package dev.sluice.llm.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.llm.provider.LlmProvider;
import dev.sluice.llm.provider.LlmProviders;
import dev.sluice.llm.provider.LlmResponse;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.tools.QuestionAnswering;

import static java.util.Objects.requireNonNull;

/**
 * The natural-language path of {@code execute_query}: SQL from {@link TextToSql}, summaries from
 * {@link ResultSummarizer}, both with the provider for the call ({@link LlmProviders#forCall}), and
 * {@link LlmCallFacts} set on the request for the audit log after each. An ambiguous question may
 * be clarified with the user first ({@link ElicitingClarifier}); then no query runs until it is.
 */
public final class LlmQuestionAnswering implements QuestionAnswering {
    private final TextToSql pipeline;
    private final LlmProviders providers;

    public LlmQuestionAnswering(TextToSql pipeline, LlmProviders providers) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.providers = requireNonNull(providers, "providers is null");
    }

    @Override
    public Generation generate(Question question, Source source, RequestContext context) {
        SqlAnswer answer = generateAnswer(pipeline, providers.forCall(context), question, source, context);
        return new Generation(answer.success() ? answer.sql() : null, answer.toJson());
    }

    /**
     * Generates, with clarifying questions put to the user by elicitation where the client accepts
     * it, and records {@link LlmCallFacts} on the request. On 2026-07-28 requests with a remote
     * model the facts count only the model calls made on this round: a round that ends in
     * {@code input_required} (or fails) after paying for a call records it before the exception
     * passes, and the round that replays that answer from the request state does not count it again.
     */
    static SqlAnswer generateAnswer(TextToSql pipeline, LlmProvider llm, Question question, Source source, RequestContext context) {
        LlmProvider remembered = RememberedProvider.wrap(llm, context, source.name(), question);
        SqlAnswer answer;
        try {
            answer = pipeline.generate(remembered, source, question, context.cancellation(), new ElicitingClarifier(context, source.name(), question));
        } catch (RuntimeException e) {
            if (remembered instanceof RememberedProvider r && r.freshCalls() > 0) {
                context.setAttribute(LlmCallFacts.class, r.freshFacts(question.text(), null, null));
            }
            throw e;
        }
        context.setAttribute(LlmCallFacts.class, remembered instanceof RememberedProvider r
                ? r.freshFacts(question.text(), answer.sql(), answer.clarification())
                : new LlmCallFacts(question.text(), answer.sql(), answer.provider(), answer.model(),
                answer.usage().inputTokens(), answer.usage().outputTokens(), answer.attempts(), answer.clarification()));
        return answer;
    }

    @Override
    public String summarise(Question question, String sql, ObjectNode page, RequestContext context) {
        LlmProvider llm = providers.forCall(context);
        ResultSummarizer.Summary summary = ResultSummarizer.summarise(llm, question.text(), sql, page);
        LlmResponse r = summary.response();
        if (r != null) {
            LlmCallFacts before = context.attribute(LlmCallFacts.class);
            LlmCallFacts base = before != null ? before : new LlmCallFacts(question.text(), null, llm.kind(), llm.model(), 0, 0, 0);
            context.setAttribute(LlmCallFacts.class, base.plus(r.model(), r.usage().inputTokens(), r.usage().outputTokens()));
        }
        return summary.text();
    }

    @Override
    public String describe(RequestContext context) {
        return providers.describe(context.caller());
    }
}
