/**
 * Sluice's own implementation of the Model Context Protocol: plain blocking Java meant to run on
 * virtual threads. It serves legacy clients (revisions 2025-03-26 to 2025-11-25, with the
 * {@code initialize} handshake and sessions) and modern stateless clients (2026-07-28, per-request
 * {@code _meta}) from one endpoint, and carries a small client for the gateway and the benchmark.
 */
package dev.sluice.mcp;
