package dev.sluice.llm.schema;

/**
 * How a {@link SchemaRetriever} fuses its signals. Each table gets
 * {@code lexical·bm25 + semantic·cosine + schema·schemaScore}, every signal scaled to [0, 1] over the
 * candidates; the schema score rates the table's whole schema (database) the same two ways, which
 * helps when many schemas hold a {@code singer} table. A table then gains {@code foreignKey} times the
 * best score of a table it shares a foreign key with.
 *
 * @param lexicalWeight weight of the table's BM25 score
 * @param semanticWeight weight of the table's embedding similarity (ignored without an embedder)
 * @param schemaWeight weight of the score of the table's schema
 * @param foreignKeyWeight share of a foreign-key neighbour's score a table gains
 * @param wholeSchemaChars when all candidates render within this many characters, all are returned
 */
public record RetrieverSettings(double lexicalWeight, double semanticWeight, double schemaWeight,
        double foreignKeyWeight, int wholeSchemaChars) {

    /** Tuned on the SpiderMan train questions (see docs/schema-retrieval.md). */
    public static final RetrieverSettings DEFAULTS = new RetrieverSettings(1.0, 1.0, 1.0, 0.2, 8_000);

    public RetrieverSettings {
        check("lexicalWeight", lexicalWeight);
        check("semanticWeight", semanticWeight);
        check("schemaWeight", schemaWeight);
        check("foreignKeyWeight", foreignKeyWeight);
        if (wholeSchemaChars < 0) {
            throw new IllegalArgumentException("wholeSchemaChars must be at least 0, got " + wholeSchemaChars);
        }
    }

    public RetrieverSettings withWeights(double lexical, double semantic, double schema, double foreignKey) {
        return new RetrieverSettings(lexical, semantic, schema, foreignKey, wholeSchemaChars);
    }

    public RetrieverSettings withWholeSchemaChars(int chars) {
        return new RetrieverSettings(lexicalWeight, semanticWeight, schemaWeight, foreignKeyWeight, chars);
    }

    private static void check(String name, double w) {
        if (!(w >= 0 && w <= 100)) {
            throw new IllegalArgumentException(name + " must be between 0 and 100, got " + w);
        }
    }
}
