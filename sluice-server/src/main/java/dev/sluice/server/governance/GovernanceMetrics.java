package dev.sluice.server.governance;

import dev.sluice.core.metrics.Counter;
import dev.sluice.core.metrics.Histogram;
import dev.sluice.core.metrics.Metrics;
import dev.sluice.mcp.server.RequestObserver;

import java.util.Set;

/**
 * The series Sluice exports. Label values come from closed sets: tool names are only those the
 * server has (else "unknown"), methods only those of MCP (else "other"), so hostile input cannot
 * create series.
 */
final class GovernanceMetrics implements RequestObserver {
    private static final Set<String> METHODS = Set.of("initialize", "ping", "tools/list", "tools/call", "prompts/list", "prompts/get",
            "resources/list", "resources/read", "resources/templates/list", "resources/subscribe", "resources/unsubscribe",
            "completion/complete", "logging/setLevel", "server/discover", "subscriptions/listen");
    private final Metrics metrics;
    private final Counter requests;
    private final Histogram requestSeconds;
    private final Counter toolCalls;
    private final Histogram toolSeconds;
    private final Counter authFailures;
    private final Counter rateLimited;
    private final Counter guardRefusals;
    private final Histogram auditWriteSeconds;

    GovernanceMetrics(Metrics metrics) {
        this.metrics = metrics;
        this.requests = metrics.counter("sluice_mcp_requests_total", "MCP requests served, by method and outcome.", "method", "outcome");
        this.requestSeconds = metrics.histogram("sluice_mcp_request_duration_seconds", "Time to serve an MCP request, by method.",
                Metrics.LATENCY_BUCKETS, "method");
        this.toolCalls = metrics.counter("sluice_tool_calls_total", "Tool calls, by tool and audit status.", "tool", "status");
        this.toolSeconds = metrics.histogram("sluice_tool_call_duration_seconds", "Tool call time including authorisation and audit.",
                Metrics.LATENCY_BUCKETS, "tool");
        this.authFailures = metrics.counter("sluice_auth_failures_total", "Requests refused by authentication, by reason.", "reason");
        this.rateLimited = metrics.counter("sluice_rate_limited_total", "Requests refused by the per-principal rate limit.");
        this.guardRefusals = metrics.counter("sluice_guard_refusals_total", "SQL refused by the guard or policy, by rule.", "rule");
        this.auditWriteSeconds = metrics.histogram("sluice_audit_write_duration_seconds", "Time until an audit record was durable.",
                Metrics.LATENCY_BUCKETS);
    }

    Metrics registry() {
        return metrics;
    }

    @Override
    public void served(String method, long nanos, String outcome) {
        String m = METHODS.contains(method) ? method : "other";
        requests.inc(m, outcome);
        requestSeconds.observeNanos(nanos, m);
    }

    void toolCall(String knownToolOrNull, String status, long nanos) {
        String tool = knownToolOrNull == null ? "unknown" : knownToolOrNull;
        toolCalls.inc(tool, status);
        toolSeconds.observeNanos(nanos, tool);
    }

    void authFailure(String reason) {
        authFailures.inc(reason);
    }

    void rateLimited() {
        rateLimited.inc();
    }

    void guardRefusal(String rule) {
        // rules are the guard's own names, a closed set; cap their length anyway
        guardRefusals.inc(rule.length() > 64 ? rule.substring(0, 64) : rule);
    }

    void auditWrite(long nanos) {
        auditWriteSeconds.observeNanos(nanos);
    }
}
