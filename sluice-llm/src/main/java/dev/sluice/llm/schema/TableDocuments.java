package dev.sluice.llm.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** What the retriever indexes for a table: a weighted term bag for BM25 and a sentence to embed. */
final class TableDocuments {
    static final double TABLE_NAME = 3.0;
    static final double SCHEMA_NAME = 0.5;
    static final double TABLE_COMMENT = 1.0;
    static final double COLUMN_NAME = 1.0;
    static final double COLUMN_COMMENT = 0.5;
    static final double SAMPLE_VALUE = 0.3;
    private static final int EMBEDDED_COLUMNS = 40;

    private TableDocuments() {
    }

    /** Term → weighted frequency. */
    static Map<String, Double> terms(CatalogTable t) {
        Map<String, Double> bag = new HashMap<>();
        add(bag, t.name(), TABLE_NAME);
        add(bag, t.schema(), SCHEMA_NAME);
        add(bag, t.comment(), TABLE_COMMENT);
        for (CatalogColumn c : t.columns()) {
            add(bag, c.name(), COLUMN_NAME);
            add(bag, c.comment(), COLUMN_COMMENT);
            for (String v : c.sampleValues()) {
                add(bag, v, SAMPLE_VALUE);
            }
        }
        return bag;
    }

    /** Adds {@code weight} per occurrence of each term of {@code text}. */
    static void add(Map<String, Double> bag, String text, double weight) {
        if (text == null) {
            return;
        }
        for (String term : Terms.of(text)) {
            bag.merge(term, weight, Double::sum);
        }
    }

    /** Natural-ish text for the sentence embedder: {@code "singer in concert: concert id, singer id. comment"}. */
    static String sentence(CatalogTable t) {
        StringBuilder b = new StringBuilder(words(t.name()));
        b.append(": ");
        StringJoiner cols = new StringJoiner(", ");
        List<CatalogColumn> columns = t.columns();
        for (int i = 0; i < columns.size() && i < EMBEDDED_COLUMNS; i++) {
            cols.add(words(columns.get(i).name()));
        }
        b.append(cols);
        if (t.comment() != null && !t.comment().isBlank()) {
            b.append(". ").append(t.comment().strip());
        }
        return b.toString();
    }

    /** An identifier as lower-case words: {@code "StudentID_2"} → {@code "student id 2"}. */
    static String words(String identifier) {
        StringBuilder b = new StringBuilder();
        int prev = 0;
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            int type = Character.isDigit(c) ? 1 : Character.isUpperCase(c) ? 2 : Character.isLetter(c) ? 3 : 0;
            if (type == 0) {
                prev = 0;
                if (!b.isEmpty() && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
                continue;
            }
            boolean boundary = prev != 0 && (prev == 1) != (type == 1) || prev == 3 && type == 2;
            if (boundary && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
            b.append(Character.toLowerCase(c));
            prev = type;
        }
        return b.toString().strip();
    }
}
