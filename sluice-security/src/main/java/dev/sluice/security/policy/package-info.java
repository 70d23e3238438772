/**
 * Authorisation after authentication: which scopes a tool call needs ({@code sql:read} for data
 * tools, {@code sql:write} for {@code transact}, {@code gateway:<target>} for gateway tools, per-tool
 * overrides and per-source extras from config), the 403 {@code insufficient_scope} challenge when
 * they are missing, tool-list filtering, and tool arguments filled from token claims.
 */
package dev.sluice.security.policy;
