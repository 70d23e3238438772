package dev.sluice.llm.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one question; {@link #toJson()} is its line in the JSON-lines output.
 *
 * @param question        the question as read
 * @param status          how generation ended ({@code generated}, {@code no_model}, {@code not_generated}, ...)
 * @param generatedSql    the SQL the pipeline returned, or null when it returned none
 * @param match           whether the generated SQL's rows equal the gold SQL's; null when not measured (no model)
 * @param error           what went wrong (generation, generated SQL or gold SQL), or null
 * @param retrievedTables the tables schema retrieval chose, as {@code schema.table}
 * @param goldTables      the tables the gold SQL reads, as {@code schema.table}
 * @param retrievalHit    whether the retrieved tables contain every gold table
 * @param attempts        model answers taken (0 without a model)
 * @param inputTokens     input tokens over all attempts
 * @param outputTokens    output tokens over all attempts
 * @param latency         generation time, model calls included
 * @param llmTime         the part of {@code latency} spent waiting for the model
 */
public record QuestionResult(EvalQuestion question, String status, String generatedSql, Boolean match, String error,
                             List<String> retrievedTables, List<String> goldTables, boolean retrievalHit, int attempts,
                             long inputTokens, long outputTokens, Duration latency, Duration llmTime) {
    public QuestionResult {
        requireNonNull(question, "question is null");
        requireNonNull(status, "status is null");
        retrievedTables = List.copyOf(retrievedTables);
        goldTables = List.copyOf(goldTables);
        requireNonNull(latency, "latency is null");
        requireNonNull(llmTime, "llmTime is null");
    }

    /** Attempts after the first: how often an error was fed back to the model. */
    public int repairs() {
        return Math.max(0, attempts - 1);
    }

    /** Generation time without the model calls: retrieval, prompt, guard and engine checks. */
    public Duration latencyWithoutLlm() {
        return latency.minus(llmTime);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("line", question.line());
        o.put("database", question.database());
        o.put("question", question.question());
        o.put("gold_sql", question.goldSql());
        o.put("status", status);
        o.put("generated_sql", generatedSql);
        if (match == null) {
            o.putNull("match");
        } else {
            o.put("match", match);
        }
        o.put("error", error);
        ArrayNode retrieved = o.putArray("retrieved_tables");
        retrievedTables.forEach(retrieved::add);
        ArrayNode gold = o.putArray("gold_tables");
        goldTables.forEach(gold::add);
        o.put("retrieval_hit", retrievalHit);
        o.put("attempts", attempts);
        o.put("repairs", repairs());
        ObjectNode tokens = o.putObject("tokens");
        tokens.put("input", inputTokens);
        tokens.put("output", outputTokens);
        ObjectNode ms = o.putObject("latency_ms");
        ms.put("total", millis(latency));
        ms.put("without_llm", millis(latencyWithoutLlm()));
        return o;
    }

    static double millis(Duration d) {
        return Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }
}
