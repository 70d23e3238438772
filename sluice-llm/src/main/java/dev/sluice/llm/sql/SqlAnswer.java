package dev.sluice.llm.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.llm.provider.Usage;
import dev.sluice.mcp.Json;

import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * What {@link TextToSql} produced for one question; {@link #toJson()} is the {@code text_to_sql} result.
 *
 * @param status        how it ended
 * @param source        the source name
 * @param dialect       the source's dialect ({@code duckdb}, {@code postgres}, {@code trino})
 * @param catalog       the catalog hint, else the catalog of the first table used; may be null
 * @param database      the database (schema) hint, else the schema of the first table used; may be null
 * @param table         the table hint, else the first table used; may be null
 * @param sql           the generated statement when {@code status} is {@link Status#GENERATED}; else the last
 *                      attempt (for the record) or null
 * @param tablesUsed    the tables the statement reads, as the guard saw them
 * @param notes         what happened along the way (retrieval, repairs), for the caller
 * @param attempts      how many model answers were taken (0 when no model was asked)
 * @param usage         tokens over all attempts
 * @param provider      the provider kind
 * @param model         the model that answered last, or the configured one
 * @param error         what went wrong and what to do; null on success
 * @param rule          the guard or screening rule that refused, when one did; else null
 * @param schemaContext the schema given to the model, returned when the caller must write the SQL itself
 * @param instructions  what the caller should do next when no SQL was generated
 * @param clarification the clarifying question the model asked and what came of it; null when it asked none
 */
public record SqlAnswer(Status status, String source, String dialect, String catalog, String database, String table, String sql,
                        List<String> tablesUsed, List<String> notes, int attempts, Usage usage, String provider, String model,
                        String error, String rule, String schemaContext, String instructions, Clarification clarification) {
    /** How generation ended. */
    public enum Status {
        /** SQL was generated, guarded and validated. */
        GENERATED,
        /** No model is available: the schema context and instructions are returned instead. */
        NO_MODEL,
        /** Input screening refused the question before any model saw it. */
        REFUSED_INPUT,
        /** The model declined to answer. */
        REFUSED_BY_MODEL,
        /** Every attempt failed the extraction, the guard or the engine. */
        NOT_GENERATED,
        /** The model could not be reached (LlmException). */
        LLM_FAILED,
        /** The model asked a clarifying question the user could not be asked on this call: it is returned instead of SQL. */
        NEEDS_CLARIFICATION,
        /** The model asked a clarifying question and the user declined or cancelled it: no SQL, nothing run. */
        CLARIFICATION_DECLINED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SqlAnswer {
        requireNonNull(status, "status is null");
        requireNonNull(source, "source is null");
        requireNonNull(dialect, "dialect is null");
        tablesUsed = List.copyOf(requireNonNull(tablesUsed, "tablesUsed is null"));
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
        requireNonNull(usage, "usage is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(model, "model is null");
        if (status == Status.GENERATED && sql == null) {
            throw new IllegalArgumentException("a generated answer needs its sql");
        }
        if (status != Status.GENERATED && error == null) {
            throw new IllegalArgumentException("an answer without SQL needs an error saying what to do");
        }
    }

    public boolean success() {
        return status == Status.GENERATED;
    }

    /** The {@code text_to_sql} result: the SPEC fields first, then status, usage and the fallback fields. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("success", success());
        o.put("source", source);
        o.put("dialect", dialect);
        o.put("catalog", catalog);
        o.put("database", database);
        o.put("table", table);
        if (success()) {
            o.put("sql", sql);
        } else {
            o.putNull("sql");
        }
        ArrayNode used = o.putArray("tables_used");
        tablesUsed.forEach(used::add);
        ArrayNode n = o.putArray("notes");
        notes.forEach(n::add);
        o.put("status", status.wireName());
        o.put("attempts", attempts);
        ObjectNode u = o.putObject("usage");
        u.put("input_tokens", usage.inputTokens());
        u.put("output_tokens", usage.outputTokens());
        u.put("reported", usage.reported());
        o.put("provider", provider);
        o.put("model", model);
        if (error != null) {
            o.put("error", error);
        }
        if (rule != null) {
            o.put("rule", rule);
        }
        if (!success() && sql != null) {
            o.put("last_attempt_sql", sql);
        }
        if (schemaContext != null) {
            o.put("schema_context", schemaContext);
        }
        if (instructions != null) {
            o.put("instructions", instructions);
        }
        if (clarification != null) {
            o.set("clarification", clarification.toJson());
        }
        return o;
    }
}
