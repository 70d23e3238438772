/**
 * The audit log: one durable record per tool call and per refused request, written before the
 * response is acknowledged. An embedded SQLite store by default, PostgreSQL for shared deployments,
 * with search, export as JSON lines and retention.
 */
package dev.sluice.audit;
