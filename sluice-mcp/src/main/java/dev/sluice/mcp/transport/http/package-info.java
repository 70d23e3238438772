/**
 * Streamable HTTP on Jetty 12: one endpoint that serves legacy sessions (POST, GET stream,
 * DELETE) and 2026-07-28 stateless POSTs, with DNS-rebinding protection, header validation,
 * size limits and JSON or SSE responses chosen per request.
 */
package dev.sluice.mcp.transport.http;
