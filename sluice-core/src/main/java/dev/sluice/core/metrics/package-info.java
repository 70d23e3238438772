/**
 * Counters and histograms kept in lock-free adders and written in the Prometheus text format at
 * {@code /metrics}. Label values come from closed sets (known tools, methods, status names), never
 * straight from a request, so a caller cannot grow the series without bound.
 */
package dev.sluice.core.metrics;
