package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The tables chosen for one question, best first.
 *
 * @param tables the chosen tables
 * @param wholeSchema true when every candidate fitted the budget and all were returned
 * @param candidates how many tables were considered after the hints
 */
public record Retrieval(List<ScoredTable> tables, boolean wholeSchema, int candidates) {
    public Retrieval {
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }

    /** The chosen tables without scores, in order. */
    public List<CatalogTable> catalogTables() {
        return tables.stream().map(ScoredTable::table).toList();
    }
}
