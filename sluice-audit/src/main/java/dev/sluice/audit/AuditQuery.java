package dev.sluice.audit;

import java.time.Instant;

/**
 * What to find in the audit log; every criterion is optional (null matches everything). Results
 * come newest first. {@code from} is inclusive, {@code to} exclusive; {@code text} matches,
 * case-insensitively, anywhere in the question, the SQL, the arguments, the error or the summary.
 */
public record AuditQuery(Instant from, Instant to, String principal, String tool, AuditStatus status,
                         String source, AuditKind kind, String text, int limit) {
    /** The default number of records a search returns. */
    public static final int DEFAULT_LIMIT = 100;

    public AuditQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        text = text == null || text.isEmpty() ? null : text;
    }

    /** Everything, newest first, up to {@link #DEFAULT_LIMIT}. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public AuditQuery withFrom(Instant value) {
        return new AuditQuery(value, to, principal, tool, status, source, kind, text, limit);
    }

    public AuditQuery withTo(Instant value) {
        return new AuditQuery(from, value, principal, tool, status, source, kind, text, limit);
    }

    public AuditQuery withPrincipal(String value) {
        return new AuditQuery(from, to, value, tool, status, source, kind, text, limit);
    }

    public AuditQuery withTool(String value) {
        return new AuditQuery(from, to, principal, value, status, source, kind, text, limit);
    }

    public AuditQuery withStatus(AuditStatus value) {
        return new AuditQuery(from, to, principal, tool, value, source, kind, text, limit);
    }

    public AuditQuery withSource(String value) {
        return new AuditQuery(from, to, principal, tool, status, value, kind, text, limit);
    }

    public AuditQuery withKind(AuditKind value) {
        return new AuditQuery(from, to, principal, tool, status, source, value, text, limit);
    }

    public AuditQuery withText(String value) {
        return new AuditQuery(from, to, principal, tool, status, source, kind, value, limit);
    }

    public AuditQuery withLimit(int value) {
        return new AuditQuery(from, to, principal, tool, status, source, kind, text, value);
    }

    /** No limit: for exports. */
    public AuditQuery unlimited() {
        return withLimit(Integer.MAX_VALUE);
    }
}
