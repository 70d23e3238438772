package dev.sluice.core.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML mapping being read strictly: typed getters that fail with file, line and key path, and
 * a final check that every key present was one the reader knows.
 */
public final class ConfigNode {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private final JsonNode node;
    private final String path;
    private final YamlSource source;
    private final Set<String> read = new TreeSet<>();

    ConfigNode(JsonNode node, String path, YamlSource source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    /** An empty mapping at {@code path}, for sections a configuration leaves out. */
    public static ConfigNode empty(String path) {
        return new ConfigNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), path,
                YamlSource.parse("(built-in defaults)", "{}"));
    }

    public String path() {
        return path;
    }

    /** The keys present in this mapping, in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    public boolean isEmpty() {
        return node.isEmpty();
    }

    /** Marks a key as known without reading it (a reader that handles it elsewhere). */
    public void accept(String key) {
        read.add(key);
    }

    /** A mapping of string → string (e.g. masks: {email: hash}). */
    public Map<String, String> stringMap(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw error(key, "must be a mapping of names to strings");
        }
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode()) {
                throw error(key + "." + e.getKey(), "must be a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    /** The raw value, for readers of open-ended structures (tool parameter lists). */
    public JsonNode raw(String key) {
        read.add(key);
        return node.get(key);
    }

    /** A list of mappings, each read strictly (e.g. a tool's parameters). */
    public List<ConfigNode> children(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(key, "must be a list");
        }
        List<ConfigNode> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : v) {
            if (!item.isObject()) {
                throw error(key + "[" + i + "]", "must be a mapping");
            }
            list.add(new ConfigNode(item, join(key) + "[" + i + "]", source));
            i++;
        }
        return list;
    }

    public String file() {
        return source.fileName();
    }

    public boolean has(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    public ConfigNode child(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return new ConfigNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), join(key), source);
        }
        if (!v.isObject()) {
            throw error(key, "must be a mapping");
        }
        return new ConfigNode(v, join(key), source);
    }

    public String string(String key, String defaultValue) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isValueNode() || v.isBinary()) {
            throw error(key, "must be a string");
        }
        return v.asText();
    }

    public int integer(String key, int defaultValue, int min, int max) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isIntegralNumber() && !(v.isTextual() && v.asText().matches("-?\\d+"))) {
            throw error(key, "must be an integer, got '" + v.asText() + "'");
        }
        long value = v.isIntegralNumber() ? v.asLong() : Long.parseLong(v.asText());
        if (value < min || value > max) {
            throw error(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return (int) value;
    }

    public boolean bool(String key, boolean defaultValue) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String text = v.asText().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw error(key, "must be true or false, got '" + v.asText() + "'");
    }

    /** Durations such as {@code 30s}, {@code 5m}, {@code 250ms} or ISO-8601 {@code PT30S}. */
    public Duration duration(String key, Duration defaultValue) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        String text = v.asText().trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(v.asText().trim());
        } catch (DateTimeParseException e) {
            throw error(key, "must be a duration such as 30s, 5m or 250ms, got '" + v.asText() + "'");
        }
    }

    public List<String> strings(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(key, "must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode()) {
                throw error(key, "must be a list of strings");
            }
            values.add(item.asText());
        }
        return values;
    }

    /** Fails on the first key that no getter asked for. Call after reading everything. */
    public void rejectUnknownKeys() {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!read.contains(key)) {
                throw error(key, "unknown key (known here: " + String.join(", ", read) + ")");
            }
        }
    }

    /** An error about this whole mapping, located at its own key. */
    public ConfigException error(String problem) {
        return new ConfigException(source.fileName() + ":" + source.line(path) + ": " + path + ": " + problem);
    }

    public ConfigException error(String key, String problem) {
        String full = join(key);
        return new ConfigException(source.fileName() + ":" + source.line(full) + ": " + full + ": " + problem);
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
