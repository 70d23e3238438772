/**
 * The audit log: one durable record per tool call and per refused request, written before the
 * response is acknowledged. {@link dev.sluice.audit.AuditStores#open} gives the
 * {@link dev.sluice.audit.AuditLog} that {@link dev.sluice.audit.AuditSettings} (the config's
 * {@code audit:} section) describe: an embedded SQLite store by default
 * ({@link dev.sluice.audit.SqliteAuditStore}), PostgreSQL for shared deployments
 * ({@link dev.sluice.audit.PostgresAuditStore}), both with group commit. Records are
 * {@link dev.sluice.audit.AuditRecord}s, redacted on the way in ({@link dev.sluice.audit.Redaction});
 * {@link dev.sluice.audit.Retention} purges old ones, {@link dev.sluice.audit.AuditJson} and
 * {@link dev.sluice.audit.AuditFormatter} print them. See docs/audit.md.
 */
package dev.sluice.audit;
