package dev.sluice.sql.result;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sql.source.ColumnMeta;

import java.util.List;

/**
 * One page of a stored result.
 *
 * @param rows values in column order; the arrays are fresh per call, callers may keep them
 * @param nextToken the token for {@code fetch_query_results}; null when this page reaches the end
 * @param totalRows rows stored for the query
 * @param truncated the stored result was cut at the store's max result bytes: the engine had more
 *     rows than {@code totalRows}
 */
public record ResultPage(String queryExecutionId, List<ColumnMeta> columns, List<JsonNode[]> rows,
        String nextToken, long totalRows, boolean truncated) {
    public ResultPage {
        requireNonNull(queryExecutionId, "queryExecutionId is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }
}
