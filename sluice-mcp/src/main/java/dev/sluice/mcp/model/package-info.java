/**
 * MCP values as records (tools, prompts, resources, content, results), each with the one
 * {@code toJson} that puts it on the wire. Handlers build these; the dispatcher adds the
 * revision-specific envelope fields.
 */
package dev.sluice.mcp.model;
