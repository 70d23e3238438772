/**
 * A blocking MCP client over Streamable HTTP, for both eras: legacy sessions (initialize,
 * Mcp-Session-Id) and 2026-07-28 stateless requests (per-request {@code _meta}, standard headers).
 */
package dev.sluice.mcp.client;
