/**
 * The data plane: sources (engines) behind a small SPI, the read-only SQL guard, the server-side
 * result store with paging, and the data tools of SPEC.md 2.1.
 */
package dev.sluice.sql;
