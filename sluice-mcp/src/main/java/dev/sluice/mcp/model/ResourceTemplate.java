package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A URI template ({@code test://template/{id}/data}). Only RFC 6570 level-1 {@code {var}}
 * expressions are matched; a variable matches one path segment.
 */
public record ResourceTemplate(String uriTemplate, String name, String description, String mimeType) {
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    public ResourceTemplate {
        requireNonNull(uriTemplate, "uriTemplate is null");
        requireNonNull(name, "name is null");
    }

    /** The variables of {@code uri} if it matches this template. */
    public Optional<Map<String, String>> match(String uri) {
        Matcher m = VARIABLE.matcher(uriTemplate);
        StringBuilder regex = new StringBuilder("^");
        java.util.List<String> names = new java.util.ArrayList<>();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(uriTemplate.substring(last, m.start())));
            regex.append("([^/?#]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(uriTemplate.substring(last))).append('$');
        Matcher u = Pattern.compile(regex.toString()).matcher(uri);
        if (!u.matches()) {
            return Optional.empty();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            vars.put(names.get(i), u.group(i + 1));
        }
        return Optional.of(vars);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("uriTemplate", uriTemplate);
        n.put("name", name);
        if (description != null) {
            n.put("description", description);
        }
        if (mimeType != null) {
            n.put("mimeType", mimeType);
        }
        return n;
    }
}
