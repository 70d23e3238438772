/**
 * Schema retrieval for text-to-SQL: a {@link dev.sluice.llm.schema.SchemaCatalog} snapshot of a
 * source's tables and columns (read with a time budget by
 * {@link dev.sluice.llm.schema.SourceCatalogReader}, kept fresh by
 * {@link dev.sluice.llm.schema.RefreshingCatalog}), a hybrid
 * {@link dev.sluice.llm.schema.SchemaRetriever} (BM25 over identifiers split on snake and camel case,
 * comments and sample values, fused with in-process sentence embeddings and a database-level score,
 * expanded along foreign keys) that picks the top-k tables for a question, a deterministic bounded
 * {@link dev.sluice.llm.schema.SchemaContext} renderer for the prompt, and
 * {@link dev.sluice.llm.schema.GoldTables} to read the tables of a gold query for evaluation.
 */
package dev.sluice.llm.schema;
