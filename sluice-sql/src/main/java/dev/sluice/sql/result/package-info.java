/**
 * The server-side result store behind {@code execute_query} / {@code fetch_query_results} paging.
 * A {@link dev.sluice.sql.result.ResultWriter} streams an engine's rows, as typed values
 * ({@link dev.sluice.sql.source.RowSink}) or JSON nodes, into a compact binary encoding
 * ({@code RowEncoder}); JSON is built only for the rows of a page. Rows are kept in RAM chunks
 * until the result passes its spill threshold or the store's shared memory budget runs out, then
 * appended to one file per result in the spill
 * directory. Pages are read from a byte position carried in an HMAC-signed {@code next_token}, so
 * a page costs O(page), never O(offset), and the heap stays flat however large the result. Results
 * are bounded by count, age (an injected {@link java.time.Clock}) and bytes, and become pageable
 * only once {@link dev.sluice.sql.result.ResultWriter#finish(int)} has run.
 */
package dev.sluice.sql.result;
