package dev.sluice.server.governance;

import dev.sluice.audit.AuditKind;
import dev.sluice.audit.AuditQuery;
import dev.sluice.audit.AuditStatus;

import java.util.Optional;

/** The record filters shared by {@code sluice audit} and {@code GET /api/audit}, by the names both use. */
public final class AuditFilters {
    private AuditFilters() {
    }

    /**
     * {@code query} narrowed by the filter {@code name} (principal, tool, status, source, kind or
     * text), or empty when {@code name} is none of these. Bad status or kind values throw
     * {@link IllegalArgumentException} naming the accepted ones.
     */
    public static Optional<AuditQuery> narrow(AuditQuery query, String name, String value) {
        return Optional.ofNullable(switch (name) {
            case "principal" -> query.withPrincipal(value);
            case "tool" -> query.withTool(value);
            case "status" -> query.withStatus(AuditStatus.fromWire(value));
            case "source" -> query.withSource(value);
            case "kind" -> query.withKind(AuditKind.fromWire(value));
            case "text" -> query.withText(value);
            default -> null;
        });
    }
}
