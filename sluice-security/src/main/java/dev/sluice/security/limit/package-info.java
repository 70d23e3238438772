/**
 * Per-principal rate limits: a token bucket per subject on an injected clock, answering either
 * "go on" or how long to wait (for {@code Retry-After}), with memory bounded by evicting idle buckets.
 */
package dev.sluice.security.limit;
