package dev.sluice.llm.schema;

/**
 * What the caller already knows about where the answer lives; each part is optional (null) and
 * matched case-insensitively. {@code catalog} and {@code schema} restrict the candidates ({@code catalog}
 * only among tables that have one: on PostgreSQL and DuckDB every table is in the connected database);
 * {@code table} (a bare or qualified name) is always returned first, and restricts the others to its schema.
 */
public record RetrievalHints(String catalog, String schema, String table) {
    private static final RetrievalHints NONE = new RetrievalHints(null, null, null);

    public RetrievalHints {
        catalog = blankToNull(catalog);
        schema = blankToNull(schema);
        table = blankToNull(table);
    }

    public static RetrievalHints none() {
        return NONE;
    }

    public static RetrievalHints schema(String schema) {
        return new RetrievalHints(null, schema, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
