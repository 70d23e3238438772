package dev.sluice.llm.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.llm.provider.LlmProviders;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.mcp.model.Content;
import dev.sluice.mcp.model.Tool;
import dev.sluice.mcp.server.McpServer;
import dev.sluice.mcp.server.RequestContext;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;
import dev.sluice.sql.source.Sources;
import dev.sluice.sql.tools.QuestionAnswering.Question;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code text_to_sql} tool (SPEC 2.1): a question in, guarded and validated SQL out, never
 * executed. Register it next to the data tools:
 *
 * <pre>{@code
 * TextToSqlTools.register(builder, sources, providers, pipeline);
 * }</pre>
 */
public final class TextToSqlTools {
    static final String NAME = "text_to_sql";

    static final String INPUT = """
            {"type":"object","properties":{
              "natural_language_query":{"type":"string","description":"The question in plain language (any language, Japanese included)"},
              "source":{"type":"string","description":"Source name from list_sources (default: the default source)"},
              "catalog":{"type":"string","description":"Hint: the catalog the question is about"},
              "database":{"type":"string","description":"Hint: the database/schema the question is about"},
              "table":{"type":"string","description":"Hint: the table the question is about"}},
             "required":["natural_language_query"]}""";

    static final String OUTPUT = """
            {"type":"object","properties":{
              "success":{"type":"boolean"},"source":{"type":"string"},"dialect":{"type":"string"},
              "catalog":{"type":["string","null"]},"database":{"type":["string","null"]},"table":{"type":["string","null"]},
              "sql":{"type":["string","null"],"description":"The generated read-only statement; null when none was generated"},
              "tables_used":{"type":"array","items":{"type":"string"}},"notes":{"type":"array","items":{"type":"string"}},
              "status":{"type":"string","enum":["generated","no_model","refused_input","refused_by_model","not_generated","llm_failed",
                "needs_clarification","clarification_declined"]},
              "attempts":{"type":"integer"},
              "usage":{"type":"object","properties":{"input_tokens":{"type":"integer"},"output_tokens":{"type":"integer"},"reported":{"type":"boolean"}}},
              "provider":{"type":"string"},"model":{"type":"string"},"error":{"type":"string"},"rule":{"type":"string"},
              "last_attempt_sql":{"type":"string"},
              "schema_context":{"type":"string","description":"The relevant schema, when the caller has to write the SQL itself"},
              "instructions":{"type":"string"},
              "clarification":{"type":"object","description":"The clarifying question the model asked and what came of it",
                "properties":{"question":{"type":"string"},"options":{"type":"array","items":{"type":"string"}},
                  "outcome":{"type":"string","enum":["answered","refused","declined","cancelled","not_asked"]},"answer":{"type":"string"}}}},
             "required":["success"]}""";

    private TextToSqlTools() {
    }

    /** Adds {@code text_to_sql} to {@code builder}. */
    public static void register(McpServer.Builder builder, Sources sources, LlmProviders providers, TextToSql pipeline) {
        requireNonNull(builder, "builder is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(providers, "providers is null");
        requireNonNull(pipeline, "pipeline is null");
        ObjectNode annotations = Json.object();
        annotations.put("title", "Text to SQL");
        annotations.put("readOnlyHint", true);
        annotations.put("openWorldHint", false);
        Tool tool = Tool.of(NAME, "Turn a question (any language) into one read-only SQL query for a source, without running it: "
                        + "returns the SQL, its dialect and the tables it reads. The SQL has passed the guard and the engine's check. "
                        + "When no model is configured it returns the relevant schema and rules instead, so you can write the SQL and "
                        + "run it with execute_query (sql_query). An ambiguous question may come back with a clarifying question "
                        + "(status needs_clarification): ask the user and call again with the answer in the question. "
                        + "To get rows directly, call execute_query with natural_language_query.",
                        (ObjectNode) Json.parse(INPUT))
                .withTitle("Text to SQL").withOutputSchema((ObjectNode) Json.parse(OUTPUT)).withAnnotations(annotations);
        builder.tool(tool, (args, ctx) -> call(sources, providers, pipeline, args, ctx));
    }

    static CallToolResult call(Sources sources, LlmProviders providers, TextToSql pipeline, ObjectNode args, RequestContext ctx) {
        String question = text(args, "natural_language_query");
        if (question == null) {
            return result(error("natural_language_query is required: the question to turn into SQL."), true);
        }
        String name = text(args, "source");
        Optional<Source> source;
        try {
            source = name == null ? Optional.of(sources.defaultSource()) : sources.get(name);
        } catch (SourceException e) {
            return result(error(e.getMessage()), true);
        }
        if (source.isEmpty()) {
            return result(error("Unknown source '" + name + "'. Sources: " + String.join(", ", sources.names())), true);
        }
        Question q = new Question(question, text(args, "catalog"), text(args, "database"), text(args, "table"));
        SqlAnswer answer;
        try {
            answer = LlmQuestionAnswering.generateAnswer(pipeline, providers.forCall(ctx), q, source.get(), ctx);
        } catch (SourceException e) {
            return result(error("Cannot read the schema of source " + source.get().name() + ": " + e.getMessage()), true);
        }
        // none mode (schema + instructions), a question back for the user, and the user saying no are the tool doing its job
        boolean failed = switch (answer.status()) {
            case GENERATED, NO_MODEL, NEEDS_CLARIFICATION, CLARIFICATION_DECLINED -> false;
            case REFUSED_INPUT, REFUSED_BY_MODEL, NOT_GENERATED, LLM_FAILED -> true;
        };
        return result(answer.toJson(), failed);
    }

    private static CallToolResult result(ObjectNode body, boolean isError) {
        return new CallToolResult(List.of(Content.text(Json.text(body))), body, isError);
    }

    private static ObjectNode error(String message) {
        ObjectNode o = Json.object();
        o.put("success", false);
        o.put("error", message);
        return o;
    }

    private static String text(ObjectNode args, String field) {
        JsonNode v = args.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
