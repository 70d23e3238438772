/**
 * The transport-independent MCP server: feature registries, method dispatch for legacy sessions
 * and modern stateless requests, the per-request {@link dev.sluice.mcp.server.RequestContext}
 * handed to handlers, sessions, subscriptions and sealed multi-round-trip request state.
 */
package dev.sluice.mcp.server;
