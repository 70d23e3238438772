package dev.sluice.audit;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One field of {@link AuditRecord} as stored: its column / JSON name, its type and accessors. The
 * stores and the JSON form iterate {@link #ALL}, so a new field is one line here plus the record, and
 * a field added after the first schema version names the version ({@code since}) whose migration
 * adds its column.
 */
record AuditField(String name, Type type, int since, Function<AuditRecord, Object> getter,
                  BiConsumer<AuditRecord.Builder, Object> setter) {
    /** Column types; {@code JSON} is stored as text and written as a nested object in the JSON form. */
    enum Type { TEXT, INTEGER, BIGINT, TIME, KIND, STATUS, GUARD, JSON }

    /** A field of the first schema version. */
    AuditField(String name, Type type, Function<AuditRecord, Object> getter, BiConsumer<AuditRecord.Builder, Object> setter) {
        this(name, type, 1, getter, setter);
    }

    static final List<AuditField> ALL = List.of(
            new AuditField("id", AuditField.Type.TEXT, AuditRecord::id, (b, v) -> b.id((String) v)),
            new AuditField("time", AuditField.Type.TIME, AuditRecord::time, (b, v) -> b.time((Instant) v)),
            new AuditField("kind", AuditField.Type.KIND, AuditRecord::kind, (b, v) -> b.kind((AuditKind) v)),
            new AuditField("principal", AuditField.Type.TEXT, AuditRecord::principal, (b, v) -> b.principal((String) v)),
            new AuditField("auth_method", AuditField.Type.TEXT, AuditRecord::authMethod, (b, v) -> b.authMethod((String) v)),
            new AuditField("client_name", AuditField.Type.TEXT, AuditRecord::clientName, (b, v) -> b.clientName((String) v)),
            new AuditField("client_version", AuditField.Type.TEXT, AuditRecord::clientVersion, (b, v) -> b.clientVersion((String) v)),
            new AuditField("protocol_version", AuditField.Type.TEXT, AuditRecord::protocolVersion, (b, v) -> b.protocolVersion((String) v)),
            new AuditField("session_id", AuditField.Type.TEXT, AuditRecord::sessionId, (b, v) -> b.sessionId((String) v)),
            new AuditField("request_id", AuditField.Type.TEXT, AuditRecord::requestId, (b, v) -> b.requestId((String) v)),
            new AuditField("remote_address", AuditField.Type.TEXT, AuditRecord::remoteAddress, (b, v) -> b.remoteAddress((String) v)),
            new AuditField("tool", AuditField.Type.TEXT, AuditRecord::tool, (b, v) -> b.tool((String) v)),
            new AuditField("arguments", AuditField.Type.TEXT, AuditRecord::arguments, (b, v) -> b.arguments((String) v)),
            new AuditField("question", AuditField.Type.TEXT, AuditRecord::question, (b, v) -> b.question((String) v)),
            new AuditField("clarification", AuditField.Type.JSON, 2, AuditRecord::clarification, (b, v) -> b.clarification((String) v)),
            new AuditField("generated_sql", AuditField.Type.TEXT, AuditRecord::generatedSql, (b, v) -> b.generatedSql((String) v)),
            new AuditField("final_sql", AuditField.Type.TEXT, AuditRecord::finalSql, (b, v) -> b.finalSql((String) v)),
            new AuditField("source", AuditField.Type.TEXT, AuditRecord::source, (b, v) -> b.source((String) v)),
            new AuditField("guard_decision", AuditField.Type.GUARD, AuditRecord::guardDecision, (b, v) -> b.guardDecision((GuardDecision) v)),
            new AuditField("guard_rule", AuditField.Type.TEXT, AuditRecord::guardRule, (b, v) -> b.guardRule((String) v)),
            new AuditField("status", AuditField.Type.STATUS, AuditRecord::status, (b, v) -> b.status((AuditStatus) v)),
            new AuditField("http_status", AuditField.Type.INTEGER, AuditRecord::httpStatus, (b, v) -> b.httpStatus((Integer) v)),
            new AuditField("error", AuditField.Type.TEXT, AuditRecord::error, (b, v) -> b.error((String) v)),
            new AuditField("row_count", AuditField.Type.BIGINT, AuditRecord::rowCount, (b, v) -> b.rowCount((Long) v)),
            new AuditField("result_hash", AuditField.Type.TEXT, AuditRecord::resultHash, (b, v) -> b.resultHash((String) v)),
            new AuditField("elapsed_ms", AuditField.Type.BIGINT, AuditRecord::elapsedMs, (b, v) -> b.elapsedMs((Long) v)),
            new AuditField("query_execution_id", AuditField.Type.TEXT, AuditRecord::queryExecutionId, (b, v) -> b.queryExecutionId((String) v)),
            new AuditField("llm_provider", AuditField.Type.TEXT, AuditRecord::llmProvider, (b, v) -> b.llmProvider((String) v)),
            new AuditField("llm_model", AuditField.Type.TEXT, AuditRecord::llmModel, (b, v) -> b.llmModel((String) v)),
            new AuditField("llm_input_tokens", AuditField.Type.BIGINT, AuditRecord::llmInputTokens, (b, v) -> b.llmInputTokens((Long) v)),
            new AuditField("llm_output_tokens", AuditField.Type.BIGINT, AuditRecord::llmOutputTokens, (b, v) -> b.llmOutputTokens((Long) v)),
            new AuditField("summary", AuditField.Type.TEXT, AuditRecord::summary, (b, v) -> b.summary((String) v))
    );

    private static final java.util.Map<String, AuditField> BY_NAME = ALL.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(AuditField::name, f -> f));

    /** The field stored under {@code name}, or null. */
    static AuditField byName(String name) {
        return BY_NAME.get(name);
    }

    Object get(AuditRecord record) {
        return getter.apply(record);
    }

    void set(AuditRecord.Builder builder, Object value) {
        setter.accept(builder, value);
    }

    /** The value as stored in a text column for the enum types, else unchanged. */
    Object toStored(Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case KIND -> ((AuditKind) value).wireName();
            case STATUS -> ((AuditStatus) value).wireName();
            case GUARD -> ((GuardDecision) value).wireName();
            default -> value;
        };
    }

    /** The inverse of {@link #toStored} for the enum types. */
    Object fromStored(Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case KIND -> AuditKind.fromWire((String) value);
            case STATUS -> AuditStatus.fromWire((String) value);
            case GUARD -> GuardDecision.fromWire((String) value);
            default -> value;
        };
    }
}
