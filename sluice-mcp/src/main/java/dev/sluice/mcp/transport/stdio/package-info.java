/** The stdio transport: newline-delimited JSON-RPC on a subprocess's stdin and stdout. */
package dev.sluice.mcp.transport.stdio;
