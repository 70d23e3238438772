package dev.sluice.server.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.audit.AuditIds;
import dev.sluice.audit.AuditLog;
import dev.sluice.audit.AuditSettings;
import dev.sluice.audit.AuditStores;
import dev.sluice.audit.Retention;
import dev.sluice.core.config.SluiceConfig;
import dev.sluice.core.metrics.Metrics;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.Features;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.ToolInterceptor;
import dev.sluice.mcp.transport.http.RequestGate;
import dev.sluice.security.AuthSettings;
import dev.sluice.security.Security;
import org.eclipse.jetty.server.Handler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * Everything between a request and a tool that is not the tool's business: who is calling
 * (authentication, rate limits), what they may call (scopes on tools and sources, claims bound
 * into arguments), the durable audit record of every call and refusal, and the metrics. Built once
 * from the {@code auth} and {@code audit} sections; the HTTP and stdio transports share it.
 */
public final class Governance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Governance.class.getName());
    private final Security security;
    private final AuditLog audit;
    private final AuditIds ids = AuditIds.create();
    private final Clock clock;
    private final GovernanceMetrics metrics;
    private final ScheduledExecutorService housekeeping;

    private Governance(Security security, AuditLog audit, AuditSettings auditSettings, Clock clock) {
        this.security = security;
        this.audit = audit;
        this.clock = clock;
        this.metrics = new GovernanceMetrics(new Metrics());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-audit-retention");
            t.setDaemon(true);
            return t;
        });
        if (!auditSettings.keepsForever()) {
            new Retention(audit, auditSettings.retention(), clock).schedule(housekeeping, Retention.DEFAULT_INTERVAL,
                    e -> LOG.log(Level.WARNING, "audit retention failed; it is retried in an hour", e));
        }
    }

    /** Reads both sections (fails with file:line:key) and opens the audit store. */
    public static Governance create(SluiceConfig config, Clock clock) {
        AuthSettings auth = AuthSettings.read(config.auth());
        AuditSettings auditSettings = AuditSettings.read(config.audit());
        Security security = Security.create(auth, clock);
        return new Governance(security, AuditStores.open(auditSettings, clock), auditSettings, clock);
    }

    public Security security() {
        return security;
    }

    public AuditLog audit() {
        return audit;
    }

    public Metrics metrics() {
        return metrics.registry();
    }

    /** Refuses to serve without authentication on anything but loopback (SPEC 2.5). */
    public void requireSafeBinding(String host) {
        security.settings().requireSafeBinding(host);
    }

    /** Authentication and rate limits for {@code /mcp}; lets everyone through when {@code auth} is off. */
    public RequestGate gate() {
        return security.settings().enabled() ? new AuthGate(security, audit, ids, clock, metrics) : RequestGate.open();
    }

    /**
     * Puts authorisation, audit and metrics around every tool of {@code builder}'s server.
     * {@code fixedSource} names the source of configured SQL tools (null for other tools).
     */
    public void install(McpServer.Builder builder, Function<String, String> fixedSource, Supplier<String> defaultSource) {
        requireNonNull(fixedSource, "fixedSource is null");
        Function<ToolInterceptor.ToolCall, String> sourceOf = call -> {
            String fixed = fixedSource.apply(call.name());
            if (fixed != null) {
                return fixed;
            }
            if (!call.tool().inputSchema().path("properties").has("source")) {
                return null;
            }
            return call.arguments().path("source").isTextual() ? call.arguments().path("source").asText() : defaultSource.get();
        };
        builder.interceptor(new GovernedTools(security.policy(), security.claimArguments(), audit, ids, clock, metrics, sourceOf))
                .toolVisibility((tool, caller) -> security.policy().visible(GovernedTools.principalOf(caller), tool.name()))
                .observer(metrics);
    }

    /** Hides arguments that token claims fill from the tools' input schemas, so models never see them. */
    public void hideClaimArguments(McpServer server) {
        Features features = server.features();
        for (Features.ToolEntry entry : features.tools()) {
            Tool tool = entry.tool();
            if (security.claimArguments().hiddenArguments(tool.name()).isEmpty()) {
                continue;
            }
            ObjectNode schema = security.claimArguments().hideFromSchema(tool.name(), tool.inputSchema());
            Tool hidden = new Tool(tool.name(), tool.title(), tool.description(), schema, tool.outputSchema(), tool.annotations());
            features.putTool(hidden, entry.handler(), entry.inline());
        }
    }

    /** The extra HTTP routes: Protected Resource Metadata (when OAuth is set up), {@code /metrics} and {@code /api/audit}. */
    public List<Handler> routes() {
        List<Handler> routes = new ArrayList<>();
        if (security.metadata() != null) {
            routes.add(new MetadataRoute(security.metadata()));
        }
        routes.add(new MetricsRoute(metrics.registry(), security));
        routes.add(new AuditRoute(audit, security));
        return routes;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        audit.close();
    }
}
