/**
 * The source SPI. A {@link dev.sluice.sql.source.SourceFactory} per kind validates plain
 * configuration (phase one, no I/O), and the resulting definition opens and pings the engine
 * (phase two). Sources declare what they can do with {@link dev.sluice.sql.source.Capability}.
 */
package dev.sluice.sql.source;
