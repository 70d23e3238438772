package dev.sluice.sql.source;

/** What a source can do; tools and the contract test suite ask for these instead of probing. */
public enum Capability {
    /** Has schemas (namespaces) inside its catalog. */
    SCHEMAS,
    /** Understands EXPLAIN, used to validate SQL without running it. */
    EXPLAIN,
    /** A running statement can be cancelled in the engine. */
    CANCEL,
    /** Sessions can be made read-only in the engine itself (defence in depth behind the guard). */
    READ_ONLY_SESSION,
    /** Can run writes through {@code transact} when {@code allow_writes} is set. */
    WRITES,
    /** Reports row-count estimates without scanning. */
    ROW_ESTIMATES,
    /** Stores comments on tables and columns. */
    COMMENTS,
    /** Reports primary and foreign keys in {@link Source#describe}. */
    KEYS
}
