package dev.sluice.audit;

/**
 * How hard the SQLite store pushes each commit to disk (config {@code audit.sync}).
 * {@link #NORMAL}: WAL with {@code synchronous=NORMAL}; a committed record survives a crash or
 * SIGKILL of Sluice, but a power loss or OS crash can lose the last commits (the database stays
 * consistent). {@link #FULL}: {@code synchronous=FULL}; every commit is fsynced before append
 * returns, surviving power loss too, at the cost of one fsync per group commit.
 */
public enum SyncMode {
    NORMAL,
    FULL
}
