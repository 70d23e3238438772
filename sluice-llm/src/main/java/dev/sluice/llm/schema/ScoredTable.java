package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A retrieved table with its fused score and why it was chosen.
 *
 * @param table the table
 * @param score the fused score (higher is better; comparable only within one retrieval)
 * @param matchedTerms question terms found in the table's names, comments or sample values
 * @param reason a short explanation: {@code "lexical+semantic"}, {@code "foreign key of x.y"},
 *     {@code "hinted"}, {@code "whole schema"}, ...
 */
public record ScoredTable(CatalogTable table, double score, List<String> matchedTerms, String reason) {
    public ScoredTable {
        requireNonNull(table, "table is null");
        matchedTerms = List.copyOf(requireNonNull(matchedTerms, "matchedTerms is null"));
        requireNonNull(reason, "reason is null");
    }
}
