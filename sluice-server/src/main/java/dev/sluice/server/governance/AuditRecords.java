package dev.sluice.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.audit.AuditKind;
import dev.sluice.audit.AuditRecord;
import dev.sluice.audit.AuditStatus;
import dev.sluice.llm.sql.LlmCallFacts;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.server.Attributes;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.ToolInterceptor;
import dev.sluice.security.Principal;

import java.time.Instant;
import java.util.Locale;

/** Builds audit records from what the transport and the tool know about a call. */
final class AuditRecords {
    private AuditRecords() {
    }

    static AuditRecord.Builder forCall(String id, Instant time, ToolInterceptor.ToolCall call, Principal principal) {
        Caller caller = call.caller();
        JsonNode question = call.arguments().get("natural_language_query");
        return AuditRecord.builder(id, time, AuditKind.TOOL_CALL)
                .principal(principal.subject())
                .authMethod(principal.method().name().toLowerCase(Locale.ROOT))
                .clientName(caller.clientName())
                .clientVersion(caller.clientVersion())
                .protocolVersion(caller.protocolVersion())
                .sessionId(caller.session() == null ? null : caller.session().id())
                .requestId(call.requestId() == null ? null : call.requestId().isTextual() ? call.requestId().asText() : call.requestId().toString())
                .tool(call.name())
                .arguments(Json.text(call.arguments()))
                .question(question != null && question.isTextual() ? question.asText() : null)
                .status(AuditStatus.OK);
    }

    static void fill(AuditRecord.Builder record, ToolOutcome outcome, Attributes attributes) {
        record.status(outcome.error() ? statusOf(outcome) : AuditStatus.OK)
                .error(outcome.errorMessage())
                .finalSql(outcome.sql())
                .guardDecision(GovernedTools.guardDecision(outcome.guardDecision()))
                .guardRule(outcome.guardRule())
                .rowCount(outcome.rowCount())
                .queryExecutionId(outcome.queryExecutionId())
                .summary(outcome.summary())
                .resultHash(outcome.resultHash());
        if (outcome.source() != null) {
            record.source(outcome.source());
        }
        llm(record, attributes);
    }

    /**
     * What the model did on the call, left by the text-to-SQL pipeline (the tool result does not
     * carry it all); also on a call that ended in {@code input_required} or an error after the model
     * was paid for.
     */
    static void llm(AuditRecord.Builder record, Attributes attributes) {
        LlmCallFacts llm = attributes.get(LlmCallFacts.class);
        if (llm != null) {
            // the clarification has a field of its own: the question is exactly what the client sent, so it cannot forge one
            record.question(llm.question())
                    .clarification(llm.clarification() == null ? null : Json.text(llm.clarification().toJson()))
                    .generatedSql(llm.generatedSql()).llmProvider(llm.provider()).llmModel(llm.model())
                    .llmInputTokens(llm.inputTokens()).llmOutputTokens(llm.outputTokens());
        }
    }

    private static AuditStatus statusOf(ToolOutcome outcome) {
        if ("refused".equals(outcome.guardDecision())) {
            return AuditStatus.REFUSED;
        }
        String error = outcome.errorMessage() == null ? "" : outcome.errorMessage().toLowerCase(Locale.ROOT);
        if (error.contains("timed out") || error.contains("timeout")) {
            return AuditStatus.TIMEOUT;
        }
        if (error.contains("cancelled")) {
            return AuditStatus.CANCELLED;
        }
        return AuditStatus.ERROR;
    }
}
