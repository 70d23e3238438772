/**
 * Natural language to SQL and back: LLM providers by kind, retrieval of the relevant schema,
 * generation with validate-and-repair through the SQL guard and the engine, and summaries in the
 * language of the question.
 */
package dev.sluice.llm;
