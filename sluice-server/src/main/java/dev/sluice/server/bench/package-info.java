/**
 * The load tool behind {@code sluice bench}: per-operation latency over fresh connections, and
 * throughput with latency percentiles at a fixed or unbounded rate. It works against any MCP
 * server, so Sluice and others are measured the same way.
 */
package dev.sluice.server.bench;
