package dev.sluice.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.hash.Sha256;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Content;

import java.util.HexFormat;

/**
 * What the audit log keeps of a tool's answer, read from its structured content (the data tools
 * all answer with {@code success}, {@code source}, {@code sql}, {@code guard}, {@code rows}...),
 * so the audit needs no hook inside the tools. {@code resultHash} is the SHA-256 of the rows as
 * they were sent, so an auditor can later prove what a caller saw.
 */
record ToolOutcome(boolean error, String errorMessage, String source, String sql, String guardDecision, String guardRule,
                   Long rowCount, String queryExecutionId, String summary, String resultHash) {

    static ToolOutcome of(CallToolResult result) {
        JsonNode s = result.structuredContent();
        if (s == null || !s.isObject()) {
            String text = firstText(result);
            return new ToolOutcome(result.isError(), result.isError() ? text : null, null, null, null, null, null, null, null, null);
        }
        boolean failed = result.isError() || (s.has("success") && !s.path("success").asBoolean());
        JsonNode rows = s.get("rows");
        return new ToolOutcome(failed, failed ? text(s, "error", firstText(result)) : null, text(s, "source", null), text(s, "sql", null),
                text(s.path("guard"), "decision", null), text(s.path("guard"), "rule", null),
                s.path("row_count").isIntegralNumber() ? s.path("row_count").asLong() : null,
                text(s, "query_execution_id", null), text(s, "summary", null),
                rows != null && rows.isArray() ? sha256(Json.bytes(rows)) : null);
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.isTextual() ? v.asText() : v.toString();
    }

    private static String firstText(CallToolResult result) {
        for (Content c : result.content()) {
            if (c instanceof Content.Text text) {
                return text.text();
            }
        }
        return null;
    }

    static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(Sha256.of(bytes));
    }
}
