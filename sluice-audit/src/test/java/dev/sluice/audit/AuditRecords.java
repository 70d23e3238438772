package dev.sluice.audit;

import java.time.Instant;

/** Records for tests. */
final class AuditRecords {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");
    static final String CLARIFICATION = "{\"question\":\"Orders placed, or orders shipped?\",\"options\":[\"placed\",\"shipped\"],"
            + "\"outcome\":\"answered\",\"answer\":\"shipped\"}";
    private static final AuditIds IDS = new AuditIds(new java.util.Random(42));

    private AuditRecords() {
    }

    /** A record with every field set. */
    static AuditRecord full(Instant time) {
        return AuditRecord.builder(IDS.next(time), time, AuditKind.TOOL_CALL)
                .principal("alice")
                .authMethod("api_key")
                .clientName("claude-desktop")
                .clientVersion("1.2.3")
                .protocolVersion("2025-11-25")
                .sessionId("session-1")
                .requestId("42")
                .remoteAddress("127.0.0.1")
                .tool("execute_query")
                .arguments("{\"sql\":\"select 1\",\"source\":\"lake\"}")
                .question("how many orders per region — ünïcode?")
                .clarification(CLARIFICATION)
                .generatedSql("select region, count(*) from orders group by 1")
                .finalSql("select region, count(*) from orders group by 1 limit 1000")
                .source("lake")
                .guardDecision(GuardDecision.ALLOWED)
                .guardRule("read_only")
                .status(AuditStatus.OK)
                .httpStatus(200)
                .error("none really")
                .rowCount(7L)
                .resultHash("sha256:abc")
                .elapsedMs(12L)
                .queryExecutionId("q-123")
                .llmProvider("anthropic")
                .llmModel("claude-sonnet")
                .llmInputTokens(1200L)
                .llmOutputTokens(80L)
                .summary("7 regions")
                .build();
    }

    /** A minimal record. */
    static AuditRecord minimal(Instant time, String principal, String tool, AuditStatus status) {
        return AuditRecord.builder(IDS.next(time), time, AuditKind.TOOL_CALL)
                .principal(principal).tool(tool).status(status).build();
    }
}
