package dev.sluice.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * One audit record: a tool call or a refused request, with everything known about it. Only
 * {@code id}, {@code time}, {@code kind}, {@code status} and {@code guardDecision} are required;
 * every other field is null when unknown. Build with {@link #builder(String, Instant, AuditKind)},
 * change with {@link #toBuilder()}.
 *
 * @param id Time-ordered identifier (a UUIDv7 from {@link AuditIds}); required.
 * @param time When the request arrived, at microsecond precision; required.
 * @param kind What the record is about; required.
 * @param principal The authenticated subject (API key name, JWT {@code sub}), or null.
 * @param authMethod How the principal authenticated: {@code api_key}, {@code oauth}, {@code none}.
 * @param clientName The MCP client's {@code clientInfo.name}.
 * @param clientVersion The MCP client's {@code clientInfo.version}.
 * @param protocolVersion The negotiated MCP protocol version.
 * @param sessionId The MCP session id, if the transport has sessions.
 * @param requestId The JSON-RPC request id, as text.
 * @param remoteAddress The client's address.
 * @param tool The tool called.
 * @param arguments The tool arguments as JSON text; secrets are redacted and the size bounded on append.
 * @param question A natural-language question (text-to-SQL), exactly as the client sent it.
 * @param clarification The clarifying question text-to-SQL asked and what came of it, as compact JSON
 *        ({@code {"question":..,"options":[..],"outcome":..,"answer":..}}), or null when none was asked.
 * @param generatedSql SQL produced by the LLM.
 * @param finalSql SQL actually run after the guard's rewrites.
 * @param source The source (engine) name.
 * @param guardDecision The SQL guard's decision; {@link GuardDecision#NONE} when nothing was guarded.
 * @param guardRule The guard rule that decided, if any.
 * @param status How the request ended; required.
 * @param httpStatus The HTTP status answered, if over HTTP.
 * @param error The error message returned to the client.
 * @param rowCount Rows returned or affected.
 * @param resultHash A hash of the result, to prove later what was returned.
 * @param elapsedMs Server time spent on the request, in milliseconds.
 * @param queryExecutionId The engine's execution id (e.g. Athena, Trino).
 * @param llmProvider The LLM provider used, if any.
 * @param llmModel The LLM model used, if any.
 * @param llmInputTokens LLM input tokens.
 * @param llmOutputTokens LLM output tokens.
 * @param summary A short summary of the result or of what happened.
 */
public record AuditRecord(String id,
                          Instant time,
                          AuditKind kind,
                          String principal,
                          String authMethod,
                          String clientName,
                          String clientVersion,
                          String protocolVersion,
                          String sessionId,
                          String requestId,
                          String remoteAddress,
                          String tool,
                          String arguments,
                          String question,
                          String clarification,
                          String generatedSql,
                          String finalSql,
                          String source,
                          GuardDecision guardDecision,
                          String guardRule,
                          AuditStatus status,
                          Integer httpStatus,
                          String error,
                          Long rowCount,
                          String resultHash,
                          Long elapsedMs,
                          String queryExecutionId,
                          String llmProvider,
                          String llmModel,
                          Long llmInputTokens,
                          Long llmOutputTokens,
                          String summary) {
    public AuditRecord {
        requireNonNull(id, "id is null");
        requireNonNull(time, "time is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(guardDecision, "guardDecision is null");
        requireNonNull(status, "status is null");
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("id must be 1 to 64 characters, got '" + id + "'");
        }
        time = time.truncatedTo(ChronoUnit.MICROS);
        nonNegative("rowCount", rowCount);
        nonNegative("elapsedMs", elapsedMs);
        nonNegative("llmInputTokens", llmInputTokens);
        nonNegative("llmOutputTokens", llmOutputTokens);
        if (httpStatus != null && (httpStatus < 100 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be between 100 and 599, got " + httpStatus);
        }
    }

    /** A builder with the required identity; set {@code status} before {@link Builder#build()}. */
    public static Builder builder(String id, Instant time, AuditKind kind) {
        return new Builder().id(id).time(time).kind(kind);
    }

    /** An empty builder, for readers that fill every field from storage. */
    static Builder emptyBuilder() {
        return new Builder();
    }

    /** A builder holding every field of this record, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.time = time;
        b.kind = kind;
        b.principal = principal;
        b.authMethod = authMethod;
        b.clientName = clientName;
        b.clientVersion = clientVersion;
        b.protocolVersion = protocolVersion;
        b.sessionId = sessionId;
        b.requestId = requestId;
        b.remoteAddress = remoteAddress;
        b.tool = tool;
        b.arguments = arguments;
        b.question = question;
        b.clarification = clarification;
        b.generatedSql = generatedSql;
        b.finalSql = finalSql;
        b.source = source;
        b.guardDecision = guardDecision;
        b.guardRule = guardRule;
        b.status = status;
        b.httpStatus = httpStatus;
        b.error = error;
        b.rowCount = rowCount;
        b.resultHash = resultHash;
        b.elapsedMs = elapsedMs;
        b.queryExecutionId = queryExecutionId;
        b.llmProvider = llmProvider;
        b.llmModel = llmModel;
        b.llmInputTokens = llmInputTokens;
        b.llmOutputTokens = llmOutputTokens;
        b.summary = summary;
        return b;
    }

    private static void nonNegative(String name, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }

    /** Fills an {@link AuditRecord} field by field; callers set what they know. Not thread-safe. */
    public static final class Builder {
        private String id;
        private Instant time;
        private AuditKind kind;
        private String principal;
        private String authMethod;
        private String clientName;
        private String clientVersion;
        private String protocolVersion;
        private String sessionId;
        private String requestId;
        private String remoteAddress;
        private String tool;
        private String arguments;
        private String question;
        private String clarification;
        private String generatedSql;
        private String finalSql;
        private String source;
        private GuardDecision guardDecision = GuardDecision.NONE;
        private String guardRule;
        private AuditStatus status;
        private Integer httpStatus;
        private String error;
        private Long rowCount;
        private String resultHash;
        private Long elapsedMs;
        private String queryExecutionId;
        private String llmProvider;
        private String llmModel;
        private Long llmInputTokens;
        private Long llmOutputTokens;
        private String summary;

        private Builder() {
        }

        /** Time-ordered identifier (a UUIDv7 from {@link AuditIds}); required. */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /** When the request arrived, at microsecond precision; required. */
        public Builder time(Instant value) {
            this.time = value;
            return this;
        }

        /** What the record is about; required. */
        public Builder kind(AuditKind value) {
            this.kind = value;
            return this;
        }

        /** The authenticated subject (API key name, JWT {@code sub}), or null. */
        public Builder principal(String value) {
            this.principal = value;
            return this;
        }

        /** How the principal authenticated: {@code api_key}, {@code oauth}, {@code none}. */
        public Builder authMethod(String value) {
            this.authMethod = value;
            return this;
        }

        /** The MCP client's {@code clientInfo.name}. */
        public Builder clientName(String value) {
            this.clientName = value;
            return this;
        }

        /** The MCP client's {@code clientInfo.version}. */
        public Builder clientVersion(String value) {
            this.clientVersion = value;
            return this;
        }

        /** The negotiated MCP protocol version. */
        public Builder protocolVersion(String value) {
            this.protocolVersion = value;
            return this;
        }

        /** The MCP session id, if the transport has sessions. */
        public Builder sessionId(String value) {
            this.sessionId = value;
            return this;
        }

        /** The JSON-RPC request id, as text. */
        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        /** The client's address. */
        public Builder remoteAddress(String value) {
            this.remoteAddress = value;
            return this;
        }

        /** The tool called. */
        public Builder tool(String value) {
            this.tool = value;
            return this;
        }

        /** The tool arguments as JSON text; secrets are redacted and the size bounded on append. */
        public Builder arguments(String value) {
            this.arguments = value;
            return this;
        }

        /** A natural-language question (text-to-SQL). */
        public Builder question(String value) {
            this.question = value;
            return this;
        }

        /** The clarifying question asked and what came of it, as compact JSON; null when none was asked. */
        public Builder clarification(String value) {
            this.clarification = value;
            return this;
        }

        /** SQL produced by the LLM. */
        public Builder generatedSql(String value) {
            this.generatedSql = value;
            return this;
        }

        /** SQL actually run after the guard's rewrites. */
        public Builder finalSql(String value) {
            this.finalSql = value;
            return this;
        }

        /** The source (engine) name. */
        public Builder source(String value) {
            this.source = value;
            return this;
        }

        /** The SQL guard's decision; {@link GuardDecision#NONE} when nothing was guarded. */
        public Builder guardDecision(GuardDecision value) {
            this.guardDecision = value;
            return this;
        }

        /** The guard rule that decided, if any. */
        public Builder guardRule(String value) {
            this.guardRule = value;
            return this;
        }

        /** How the request ended; required. */
        public Builder status(AuditStatus value) {
            this.status = value;
            return this;
        }

        /** The HTTP status answered, if over HTTP. */
        public Builder httpStatus(Integer value) {
            this.httpStatus = value;
            return this;
        }

        /** The error message returned to the client. */
        public Builder error(String value) {
            this.error = value;
            return this;
        }

        /** Rows returned or affected. */
        public Builder rowCount(Long value) {
            this.rowCount = value;
            return this;
        }

        /** A hash of the result, to prove later what was returned. */
        public Builder resultHash(String value) {
            this.resultHash = value;
            return this;
        }

        /** Server time spent on the request, in milliseconds. */
        public Builder elapsedMs(Long value) {
            this.elapsedMs = value;
            return this;
        }

        /** The engine's execution id (e.g. Athena, Trino). */
        public Builder queryExecutionId(String value) {
            this.queryExecutionId = value;
            return this;
        }

        /** The LLM provider used, if any. */
        public Builder llmProvider(String value) {
            this.llmProvider = value;
            return this;
        }

        /** The LLM model used, if any. */
        public Builder llmModel(String value) {
            this.llmModel = value;
            return this;
        }

        /** LLM input tokens. */
        public Builder llmInputTokens(Long value) {
            this.llmInputTokens = value;
            return this;
        }

        /** LLM output tokens. */
        public Builder llmOutputTokens(Long value) {
            this.llmOutputTokens = value;
            return this;
        }

        /** A short summary of the result or of what happened. */
        public Builder summary(String value) {
            this.summary = value;
            return this;
        }

        /** The record; fails naming the first missing required field. */
        public AuditRecord build() {
            if (status == null) {
                throw new IllegalStateException("status is not set: call status(...) before build()");
            }
            return new AuditRecord(id, time, kind, principal, authMethod, clientName, clientVersion, protocolVersion, sessionId, requestId, remoteAddress, tool, arguments, question, clarification, generatedSql, finalSql, source, guardDecision, guardRule, status, httpStatus, error, rowCount, resultHash, elapsedMs, queryExecutionId, llmProvider, llmModel, llmInputTokens, llmOutputTokens, summary);
        }
    }
}
