package dev.sluice.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Parsed YAML plus the line of every key path, so errors can point at the line. */
final class YamlSource {
    private static final YAMLFactory YAML = new YAMLFactory();
    private final String fileName;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlSource(String fileName, JsonNode root, Map<String, Integer> lines) {
        this.fileName = fileName;
        this.root = root;
        this.lines = lines;
    }

    static YamlSource parse(String fileName, String text) {
        try {
            JsonNode root = new ObjectMapper(YAML).readTree(text);
            return new YamlSource(fileName, root, keyLines(text));
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr() : 0;
            throw new ConfigException(fileName + ":" + line + ": not valid YAML: " + firstLine(message));
        }
    }

    private static Map<String, Integer> keyLines(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        Deque<Boolean> inObject = new ArrayDeque<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t;
            String pendingKey = null;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pendingKey = p.currentName();
                        String full = path.isEmpty() ? pendingKey : String.join(".", path.reversed()) + "." + pendingKey;
                        lines.putIfAbsent(full, p.currentLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        inObject.push(pendingKey != null);
                        if (pendingKey != null) {
                            path.push(pendingKey);
                        }
                        pendingKey = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (!inObject.isEmpty() && inObject.pop()) {
                            path.pop();
                        }
                    }
                    default -> pendingKey = null;
                }
            }
        }
        return lines;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    String fileName() {
        return fileName;
    }

    JsonNode root() {
        return root;
    }

    /** The line of a key path, or of its nearest parent that has one; 1 if none. */
    int line(String keyPath) {
        String p = keyPath;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                return 1;
            }
            p = p.substring(0, dot);
        }
    }
}
