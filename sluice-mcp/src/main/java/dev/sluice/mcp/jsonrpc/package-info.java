/** JSON-RPC 2.0 messages as records, and their strict decoding from and encoding to JSON. */
package dev.sluice.mcp.jsonrpc;
