package dev.sluice.sql.source;

/** SQL dialects Sluice parses, guards and writes prompts for. */
public enum Dialect {
    DUCKDB("duckdb"),
    POSTGRES("postgres"),
    TRINO("trino");

    private final String wireName;

    Dialect(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in tool results and configuration. */
    public String wireName() {
        return wireName;
    }
}
