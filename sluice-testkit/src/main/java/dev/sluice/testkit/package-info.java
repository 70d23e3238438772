/**
 * The MCP conformance fixture: the tools, resources and prompts the official conformance suite
 * expects (FIXTURE-SPEC.md for 2025 clients, FIXTURE-SPEC-2026-07-28.md for 2026-07-28), served by
 * Sluice's real protocol stack through {@code sluice conformance-server}.
 */
package dev.sluice.testkit;
