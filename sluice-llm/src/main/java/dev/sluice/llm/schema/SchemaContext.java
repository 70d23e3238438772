package dev.sluice.llm.schema;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders chosen tables as compact DDL-like text for a prompt: fully qualified names (quoted only
 * where an engine would need it), column types, primary and foreign keys, comments and sample
 * values. The output never exceeds the character budget: a table that does not fit in full is
 * rendered without comments and sample values, then as a one-line column list, and the tables that
 * still do not fit are named in a closing note as far as it fits. Same input, same text.
 */
public final class SchemaContext {
    /** How much of a table to show. */
    enum Detail { FULL, PLAIN, NAMES }

    private static final Pattern SIMPLE = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final int MAX_VALUE_CHARS = 40;

    private SchemaContext() {
    }

    /** The tables, in the given order, within {@code maxChars} characters. */
    public static String render(List<CatalogTable> tables, int maxChars) {
        if (maxChars < 0) {
            throw new IllegalArgumentException("maxChars must be at least 0, got " + maxChars);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < tables.size(); i++) {
            String block = null;
            for (Detail d : Detail.values()) {
                String candidate = table(tables.get(i), d);
                if (out.length() + candidate.length() <= maxChars) {
                    block = candidate;
                    break;
                }
            }
            if (block == null) {
                break;
            }
            out.append(block);
        }
        if (i < tables.size()) {
            StringBuilder note = new StringBuilder("-- not shown for space: ");
            for (int j = i; j < tables.size(); j++) {
                String name = name(tables.get(j)) + (j + 1 < tables.size() ? ", " : "\n");
                if (out.length() + note.length() + name.length() + 4 > maxChars) {
                    note.append("...\n");
                    break;
                }
                note.append(name);
            }
            if (out.length() + note.length() <= maxChars) {
                out.append(note);
            }
        }
        return out.toString();
    }

    /** One table at the given level of detail, ending with a newline. */
    static String table(CatalogTable t, Detail detail) {
        StringBuilder b = new StringBuilder();
        if (detail == Detail.NAMES) {
            b.append("-- ").append(name(t)).append('(');
            for (int i = 0; i < t.columns().size(); i++) {
                CatalogColumn c = t.columns().get(i);
                b.append(i == 0 ? "" : ", ").append(ident(c.name())).append(' ').append(c.type());
            }
            return b.append(")\n").toString();
        }
        if (detail == Detail.FULL && (t.comment() != null && !t.comment().isBlank() || t.rowEstimate() != null)) {
            b.append("-- ");
            if (t.comment() != null && !t.comment().isBlank()) {
                b.append(oneLine(t.comment()));
            }
            if (t.rowEstimate() != null) {
                b.append(t.comment() != null && !t.comment().isBlank() ? " " : "")
                        .append(String.format(Locale.ROOT, "(~%,d rows)", t.rowEstimate()));
            }
            b.append('\n');
        }
        b.append("CREATE TABLE ").append(name(t)).append(" (\n");
        List<CatalogColumn> cols = t.columns();
        for (int i = 0; i < cols.size(); i++) {
            CatalogColumn c = cols.get(i);
            b.append("  ").append(ident(c.name())).append(' ').append(c.type());
            if (c.primaryKey()) {
                b.append(" PRIMARY KEY");
            }
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.columns().size() == 1 && fk.columns().get(0).equalsIgnoreCase(c.name())) {
                    b.append(" REFERENCES ").append(fk.referencedTable());
                    if (fk.referencedColumns().size() == 1) {
                        b.append('(').append(ident(fk.referencedColumns().get(0))).append(')');
                    }
                }
            }
            b.append(i + 1 < cols.size() ? "," : "");
            if (detail == Detail.FULL) {
                String note = columnNote(c);
                if (!note.isEmpty()) {
                    b.append(" -- ").append(note);
                }
            }
            b.append('\n');
        }
        return b.append(");\n").toString();
    }

    private static String columnNote(CatalogColumn c) {
        StringBuilder n = new StringBuilder();
        if (c.comment() != null && !c.comment().isBlank()) {
            n.append(oneLine(c.comment()));
        }
        if (!c.sampleValues().isEmpty()) {
            n.append(n.isEmpty() ? "" : "; ").append("e.g. ");
            for (int i = 0; i < c.sampleValues().size(); i++) {
                String v = oneLine(c.sampleValues().get(i));
                if (v.length() > MAX_VALUE_CHARS) {
                    v = v.substring(0, MAX_VALUE_CHARS) + "…";
                }
                n.append(i == 0 ? "" : ", ").append('\'').append(v.replace("'", "''")).append('\'');
            }
        }
        return n.toString();
    }

    /** The fully qualified name, each part quoted only when it is not a plain lower-case identifier. */
    static String name(CatalogTable t) {
        StringBuilder b = new StringBuilder();
        if (t.catalog() != null) {
            b.append(ident(t.catalog())).append('.');
        }
        if (t.schema() != null) {
            b.append(ident(t.schema())).append('.');
        }
        return b.append(ident(t.name())).toString();
    }

    private static String ident(String part) {
        return SIMPLE.matcher(part).matches() ? part : '"' + part.replace("\"", "\"\"") + '"';
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
