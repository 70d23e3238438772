/**
 * LLM providers by kind behind one blocking call, {@link dev.sluice.llm.provider.LlmProvider#complete}:
 * {@code anthropic} (Messages API), {@code openai} (any OpenAI-compatible chat-completions endpoint),
 * {@code bedrock} (Converse, or InvokeModel with the Anthropic Messages body), {@code sampling} (the connected MCP client's own model through
 * {@code sampling/createMessage}) and {@code none}. {@link dev.sluice.llm.provider.LlmProviders} turns
 * the {@code llm:} config section into the provider for one call, because sampling is bound to the MCP
 * request being served. HTTP kinds share one retry policy (backoff with jitter, Retry-After, a total
 * deadline) with the SDKs' own retries switched off; {@link dev.sluice.llm.provider.SqlExtraction}
 * pulls one statement out of a model's answer. Nothing here executes SQL.
 */
package dev.sluice.llm.provider;
