package dev.sluice.llm.eval;

import dev.sluice.sql.spiderman.CsvReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A question set: a CSV with the header {@code database,question,sql} (the bundled demo set and
 * SpiderMan's {@code test_queries.csv} share it). Malformed rows are errors naming the file and line.
 */
public final class QuestionSet {
    /** The name that means the set bundled for the demo lake. */
    public static final String DEMO = "demo";
    private static final String DEMO_RESOURCE = "/eval/demo-questions.csv";

    private QuestionSet() {
    }

    /** {@code demo} for the bundled set, else a CSV file. */
    public static List<EvalQuestion> load(String nameOrPath) {
        if (DEMO.equals(nameOrPath)) {
            return demo();
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("question file not found: " + file.toAbsolutePath()
                    + " (give a CSV with the header database,question,sql, or 'demo' for the bundled set)");
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read question file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The questions bundled for the demo lake. */
    public static List<EvalQuestion> demo() {
        try (InputStream in = QuestionSet.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled question set " + DEMO_RESOURCE + " is missing from the classpath");
            }
            return parse("demo-questions.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses CSV text; {@code name} appears in error messages. */
    public static List<EvalQuestion> parse(String name, String text) {
        List<EvalQuestion> out = new ArrayList<>();
        long line = 1;
        try (CsvReader reader = new CsvReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text), null)) {
            List<String> header = reader.next();
            if (header == null || !header.stream().map(String::strip).toList().equals(List.of("database", "question", "sql"))) {
                throw new IllegalArgumentException(name + ":1: the header must be database,question,sql, got "
                        + (header == null ? "an empty file" : String.join(",", header)));
            }
            line += newlines(header) + 1;
            List<String> row;
            while (true) {
                try {
                    row = reader.next();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
                }
                if (row == null) {
                    break;
                }
                long start = line;
                line += newlines(row) + 1;
                if (row.size() == 1 && row.getFirst().isBlank()) {
                    continue;
                }
                if (row.size() != 3) {
                    throw new IllegalArgumentException(name + ":" + start + ": expected 3 fields (database,question,sql), got "
                            + row.size() + "; quote fields that contain commas");
                }
                for (int i = 0; i < 3; i++) {
                    if (row.get(i).isBlank()) {
                        throw new IllegalArgumentException(name + ":" + start + ": the " + header.get(i).strip() + " field is empty");
                    }
                }
                out.add(new EvalQuestion(start, row.get(0).strip(), row.get(1).strip(), row.get(2).strip()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(name + ": no questions after the header");
        }
        return out;
    }

    private static long newlines(List<String> fields) {
        return fields.stream().mapToLong(f -> f.chars().filter(c -> c == '\n').count()).sum();
    }
}
