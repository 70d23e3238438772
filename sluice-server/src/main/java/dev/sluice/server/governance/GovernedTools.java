package dev.sluice.server.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.audit.AuditIds;
import dev.sluice.audit.AuditKind;
import dev.sluice.audit.AuditLog;
import dev.sluice.audit.AuditRecord;
import dev.sluice.audit.AuditStatus;
import dev.sluice.audit.GuardDecision;
import dev.sluice.mcp.McpError;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.InputRequired;
import dev.sluice.mcp.server.ToolInterceptor;
import dev.sluice.security.Principal;
import dev.sluice.security.policy.AccessPolicy;
import dev.sluice.security.policy.ClaimArguments;
import dev.sluice.security.policy.Decision;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * The governed path of every {@code tools/call}: authorisation of the tool and its source, token
 * claims bound into arguments, then the tool, then one durable audit record before the response
 * may leave. A call the audit log cannot record fails rather than answering unrecorded.
 */
final class GovernedTools implements ToolInterceptor {
    private static final Logger LOG = Logger.getLogger(GovernedTools.class.getName());
    private final AccessPolicy policy;
    private final ClaimArguments claims;
    private final AuditLog audit;
    private final AuditIds ids;
    private final Clock clock;
    private final GovernanceMetrics metrics;
    /** The source a call uses: its {@code source} argument, a configured tool's source, or the default. */
    private final Function<ToolCall, String> sourceOf;

    GovernedTools(AccessPolicy policy, ClaimArguments claims, AuditLog audit, AuditIds ids, Clock clock, GovernanceMetrics metrics,
                  Function<ToolCall, String> sourceOf) {
        this.policy = requireNonNull(policy, "policy is null");
        this.claims = requireNonNull(claims, "claims is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.sourceOf = requireNonNull(sourceOf, "sourceOf is null");
    }

    static Principal principalOf(Caller caller) {
        return caller.principal(Principal.class).orElse(Principal.anonymous());
    }

    @Override
    public CallToolResult intercept(ToolCall call, Proceed next) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        Principal principal = principalOf(call.caller());
        AuditRecord.Builder record = AuditRecords.forCall(ids.next(started), started, call, principal);
        String source = call.tool() == null ? null : sourceOf.apply(call);
        record.source(source);
        if (call.tool() != null && policy.decide(principal, call.name(), source) instanceof Decision.Forbidden forbidden) {
            record.status(AuditStatus.FORBIDDEN).httpStatus(forbidden.status()).error(forbidden.message());
            finish(call, record, startNanos);
            throw McpError.insufficientScope(forbidden.message(), forbidden.wwwAuthenticate());
        }
        ObjectNode arguments = call.arguments();
        if (call.tool() != null) {
            switch (claims.apply(principal, call.name(), arguments)) {
                case ClaimArguments.Outcome.MissingClaim missing -> {
                    record.status(AuditStatus.FORBIDDEN).error(missing.message());
                    finish(call, record, startNanos);
                    return CallToolResult.error(missing.message());
                }
                case ClaimArguments.Outcome.Filled filled -> arguments = filled.arguments();
            }
        }
        CallToolResult result;
        try {
            result = next.proceed(arguments);
        } catch (InputRequired inputRequired) {
            record.status(AuditStatus.OK).summary("input required from the client; the call continues in a later request");
            AuditRecords.llm(record, call.attributes()); // tokens spent on this round, or they would go unrecorded
            finish(call, record, startNanos);
            throw inputRequired;
        } catch (McpError e) {
            record.status(AuditStatus.ERROR).error(e.getMessage());
            AuditRecords.llm(record, call.attributes());
            finish(call, record, startNanos);
            throw e;
        } catch (RuntimeException e) {
            record.status(AuditStatus.ERROR).error("internal error: " + e);
            AuditRecords.llm(record, call.attributes());
            finish(call, record, startNanos);
            throw e;
        }
        ToolOutcome outcome = ToolOutcome.of(result);
        AuditRecords.fill(record, outcome, call.attributes());
        if (outcome.guardRule() != null && "refused".equals(outcome.guardDecision())) {
            metrics.guardRefusal(outcome.guardRule());
        }
        finish(call, record, startNanos);
        return result;
    }

    /** Writes the record (durably) and counts the call; a failed write fails the request. */
    private void finish(ToolCall call, AuditRecord.Builder record, long startNanos) {
        long nanos = System.nanoTime() - startNanos;
        AuditRecord done = record.elapsedMs(nanos / 1_000_000).build();
        metrics.toolCall(call.tool() == null ? null : call.name(), done.status().wireName(), nanos);
        long auditStart = System.nanoTime();
        try {
            audit.append(done);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "audit log write failed; the call is answered with an error", e);
            throw McpError.internal("the audit log could not record this call, so its result is withheld; try again");
        } finally {
            metrics.auditWrite(System.nanoTime() - auditStart);
        }
    }

    static GuardDecision guardDecision(String wire) {
        if (wire == null) {
            return GuardDecision.NONE;
        }
        return switch (wire) {
            case "allowed" -> GuardDecision.ALLOWED;
            case "refused" -> GuardDecision.REFUSED;
            default -> GuardDecision.NONE;
        };
    }
}
