package dev.sluice.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The JSON form of an {@link AuditRecord}, as exported and mirrored: one object per record with
 * snake_case keys in a fixed order ({@code id}, {@code time}, {@code kind}, ... , {@code summary}),
 * {@code time} as ISO-8601 UTC, enums by their lower-case names, numbers as numbers, and null
 * fields left out. {@code arguments} is a string holding the (redacted) arguments JSON;
 * {@code clarification} is a nested object.
 */
public final class AuditJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditJson() {
    }

    /** One line of JSON, without a line break. */
    public static String toJson(AuditRecord record) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            for (AuditField field : AuditField.ALL) {
                Object value = field.toStored(field.get(record));
                if (value == null) {
                    continue;
                }
                g.writeFieldName(field.name());
                if (field.type() == AuditField.Type.JSON) {
                    writeJson(g, (String) value);
                    continue;
                }
                switch (value) {
                    case Instant t -> g.writeString(t.toString());
                    case Integer i -> g.writeNumber(i);
                    case Long l -> g.writeNumber(l);
                    default -> g.writeString(value.toString());
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Parses one line written by {@link #toJson}; fails with what is wrong. */
    public static AuditRecord fromJson(String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON audit record: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON audit record: expected an object");
        }
        AuditRecord.Builder b = AuditRecord.emptyBuilder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            AuditField field = AuditField.byName(e.getKey());
            if (field == null) {
                throw new IllegalArgumentException("unknown audit record field '" + e.getKey() + "'");
            }
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            Object value = switch (field.type()) {
                case TIME -> parseTime(v.asText());
                case INTEGER -> v.intValue();
                case BIGINT -> v.longValue();
                case JSON -> v.isContainerNode() ? v.toString() : v.asText();
                default -> field.fromStored(v.asText());
            };
            field.set(b, value);
        }
        return b.build();
    }

    /** A JSON field's stored text as the nested value it holds; text that is not JSON stays a string. */
    private static void writeJson(JsonGenerator g, String stored) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(stored);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            tree = null;
        }
        if (tree != null && tree.isContainerNode()) {
            MAPPER.writeTree(g, tree);
        } else {
            g.writeString(stored);
        }
    }

    private static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time must be ISO-8601 such as 2026-01-02T03:04:05Z, got '" + text + "'");
        }
    }
}
