package dev.sluice.sql.source;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A possibly qualified table name: {@code table}, {@code schema.table} or
 * {@code catalog.schema.table}, each part optionally double-quoted.
 */
public record TableRef(String catalog, String schema, String name) {
    public TableRef {
        requireNonNull(name, "name is null");
    }

    /** Parses a user-written name; throws IllegalArgumentException with a clear message. */
    public static TableRef parse(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        current.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    current.append(c);
                }
            } else if (c == '"' && current.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == '.') {
                parts.add(finish(current, text));
                current.setLength(0);
                wasQuoted = false;
            } else if (!Character.isWhitespace(c) || !current.isEmpty()) {
                if (wasQuoted) {
                    throw new IllegalArgumentException("unexpected text after a quoted name in '" + text + "'");
                }
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in table name '" + text + "'");
        }
        parts.add(finish(current, text));
        return switch (parts.size()) {
            case 1 -> new TableRef(null, null, parts.get(0));
            case 2 -> new TableRef(null, parts.get(0), parts.get(1));
            case 3 -> new TableRef(parts.get(0), parts.get(1), parts.get(2));
            default -> throw new IllegalArgumentException("a table name has at most three parts (catalog.schema.table), got '" + text + "'");
        };
    }

    private static String finish(StringBuilder part, String text) {
        String p = part.toString().strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("empty name part in '" + text + "'");
        }
        return p;
    }

    /** Fully qualified and quoted for SQL. */
    public String quoted() {
        StringBuilder sb = new StringBuilder();
        if (catalog != null) {
            sb.append(quote(catalog)).append('.');
        }
        if (schema != null) {
            sb.append(quote(schema)).append('.');
        }
        return sb.append(quote(name)).toString();
    }

    /** Dotted, unquoted: how tools show the name. */
    public String display() {
        return (catalog != null ? catalog + "." : "") + (schema != null ? schema + "." : "") + name;
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
