package dev.sluice.llm.sql;

import dev.sluice.sql.spiderman.CsvReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Verified question/SQL pairs, read from a CSV file with the header {@code source,question,sql}
 * (RFC 4180: quote fields that hold commas, quotes or line breaks; {@code *} as source applies to
 * every source). The examples most similar to a question, by word overlap (words for alphabetic
 * scripts, character pairs for Chinese and Japanese), go into the prompt.
 */
public final class VerifiedExamples {
    static final int MAX_EXAMPLES = 10_000;
    static final int MAX_QUESTION_CHARS = 500;
    static final int MAX_SQL_CHARS = 2_000;
    private static final Pattern WORD = Pattern.compile("[\\p{IsAlphabetic}\\p{IsDigit}_]+");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "on", "for", "to", "by", "and", "or", "is", "are",
            "was", "were", "what", "which", "who", "how", "many", "much", "me", "show", "list", "give", "with", "from", "each", "per", "all",
            "do", "does", "did", "at", "it", "its", "be", "that", "this", "の", "は", "を", "に", "が", "で", "と", "か");

    private record Indexed(VerifiedExample example, Set<String> terms) {
    }

    private final List<Indexed> examples;

    private VerifiedExamples(List<VerifiedExample> examples) {
        this.examples = examples.stream().map(e -> new Indexed(e, terms(e.question()))).toList();
    }

    /** No examples. */
    public static VerifiedExamples none() {
        return new VerifiedExamples(List.of());
    }

    public static VerifiedExamples of(List<VerifiedExample> examples) {
        return new VerifiedExamples(List.copyOf(requireNonNull(examples, "examples is null")));
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException naming the file and record when the file is missing or malformed
     */
    public static VerifiedExamples load(Path file) {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": verified examples file does not exist; create it with the header "
                    + "source,question,sql or leave the examples path unset");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read verified examples", e);
        }
        List<List<String>> records = CsvReader.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, null);
        if (records.isEmpty() || !records.getFirst().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList()
                .equals(List.of("source", "question", "sql"))) {
            throw new IllegalArgumentException(file + ": the first line must be the header source,question,sql");
        }
        List<VerifiedExample> out = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.getFirst().isBlank()) {
                continue;
            }
            String where = file + ": record " + (i + 1) + ": ";
            if (r.size() != 3) {
                throw new IllegalArgumentException(where + "expected 3 fields (source,question,sql), got " + r.size()
                        + "; quote fields that contain commas");
            }
            if (r.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(where + "source, question and sql must not be empty (use * for every source)");
            }
            if (r.get(1).length() > MAX_QUESTION_CHARS || r.get(2).length() > MAX_SQL_CHARS) {
                throw new IllegalArgumentException(where + "question is limited to " + MAX_QUESTION_CHARS + " and sql to "
                        + MAX_SQL_CHARS + " characters");
            }
            out.add(new VerifiedExample(r.get(0).strip(), r.get(1).strip(), stripSemicolon(r.get(2).strip())));
            if (out.size() > MAX_EXAMPLES) {
                throw new IllegalArgumentException(file + ": more than " + MAX_EXAMPLES + " examples; keep the best ones");
            }
        }
        return new VerifiedExamples(out);
    }

    public int size() {
        return examples.size();
    }

    /** Up to {@code k} examples for {@code source} sharing words with {@code question}, most similar first. */
    public List<VerifiedExample> top(String source, String question, int k) {
        Set<String> q = terms(question);
        if (q.isEmpty() || k < 1) {
            return List.of();
        }
        record Scored(VerifiedExample example, double score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Indexed e = examples.get(i);
            if (!e.example().appliesTo(source) || e.terms().isEmpty()) {
                continue;
            }
            int shared = 0;
            for (String t : e.terms()) {
                if (q.contains(t)) {
                    shared++;
                }
            }
            if (shared > 0) {
                scored.add(new Scored(e.example(), shared / Math.sqrt((double) q.size() * e.terms().size()), i));
            }
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order))
                .limit(k).map(Scored::example).toList();
    }

    static Set<String> terms(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (cjk(w.codePointAt(0))) {
                // runs of Han/kana: character pairs (and the single character for one-character runs)
                int[] cps = w.codePoints().toArray();
                if (cps.length == 1) {
                    out.add(w);
                }
                for (int i = 0; i + 1 < cps.length; i++) {
                    out.add(new String(cps, i, 2));
                }
            } else if (!STOP.contains(w)) {
                out.add(w.length() > 4 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }

    private static boolean cjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.HANGUL;
    }

    private static String stripSemicolon(String sql) {
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1).strip() : sql;
    }
}
