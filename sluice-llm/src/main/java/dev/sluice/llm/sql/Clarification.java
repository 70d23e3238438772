package dev.sluice.llm.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The clarifying question a model asked during one generation and what came of it, for the
 * caller ({@code text_to_sql}'s {@code clarification} field) and the audit log.
 *
 * @param question the model's question
 * @param options  the answers it offered to choose from; empty for free text
 * @param outcome  what happened
 * @param answer   the user's answer as given to the model (bounded); null unless {@link Outcome#ANSWERED}
 */
public record Clarification(String question, List<String> options, Outcome outcome, String answer) {
    /** What came of a clarifying question. */
    public enum Outcome {
        /** The user answered; the SQL was generated again with the answer. */
        ANSWERED,
        /**
         * The user answered, but the answer (or the question clarified with it) failed screening
         * ({@link InputScreening}): not used, not kept, no SQL, nothing run.
         */
        REFUSED,
        /** The user declined to answer: no SQL, nothing run. */
        DECLINED,
        /** The user dismissed the question without choosing: no SQL, nothing run. */
        CANCELLED,
        /** The user could not be asked on this call; the question went back to the caller. */
        NOT_ASKED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Clarification {
        requireNonNull(question, "question is null");
        options = List.copyOf(requireNonNull(options, "options is null"));
        requireNonNull(outcome, "outcome is null");
        if ((outcome == Outcome.ANSWERED) != (answer != null)) {
            throw new IllegalArgumentException("an answer goes with, and only with, outcome answered");
        }
    }

    /** One line for notes and messages: what was asked and what the user said. */
    public String describe() {
        String asked = "asked \"" + question + "\"";
        return switch (outcome) {
            case ANSWERED -> asked + "; the user answered \"" + answer + "\"";
            case REFUSED -> asked + "; the answer was refused by screening and not used";
            case DECLINED -> asked + "; the user declined to answer";
            case CANCELLED -> asked + "; the user cancelled";
            case NOT_ASKED -> asked + "; returned to the caller (the user could not be asked on this call)";
        };
    }

    /**
     * The question as the model is asked it again after the user answered: {@code question}, then
     * {@code Clarification: } and {@code described} (an answered clarification's {@link #describe()}) on a line of its own.
     */
    static String clarifiedQuestion(String question, String described) {
        return question + "\nClarification: " + described;
    }

    /**
     * The question as the model answered it, from an audit record's {@code question} and
     * {@code clarification} (the JSON {@link #toJson()} wrote, or null): with the user's answer
     * when they answered a clarifying question, else the question alone.
     */
    public static String questionAsAnswered(String question, String clarificationJson) {
        requireNonNull(question, "question is null");
        if (clarificationJson == null || clarificationJson.isBlank()) {
            return question;
        }
        JsonNode c;
        try {
            c = Json.parse(clarificationJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("the recorded clarification is not JSON: " + e.getMessage(), e);
        }
        if (c == null || !Outcome.ANSWERED.wireName().equals(c.path("outcome").asText())
                || !c.path("question").isTextual() || !c.path("answer").isTextual()) {
            return question;
        }
        List<String> options = new ArrayList<>();
        c.path("options").forEach(o -> options.add(o.asText()));
        Clarification answered = new Clarification(c.get("question").asText(), options, Outcome.ANSWERED, c.get("answer").asText());
        return clarifiedQuestion(question, answered.describe());
    }

    /** {@code {"question", "options", "outcome", "answer"}}, as {@code text_to_sql} returns it and the audit log stores it. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("question", question);
        options.forEach(o.putArray("options")::add);
        o.put("outcome", outcome.wireName());
        if (answer != null) {
            o.put("answer", answer);
        }
        return o;
    }
}
