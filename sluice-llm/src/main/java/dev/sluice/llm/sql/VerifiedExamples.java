package dev.sluice.llm.sql;

import dev.sluice.core.files.ReloadingFile;
import dev.sluice.sql.spiderman.CsvReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Verified question/SQL pairs, read from a CSV file with the header {@code source,question,sql}
 * (RFC 4180: quote fields that hold commas, quotes or line breaks; {@code *} as source applies to
 * every source). The examples most similar to a question, by word overlap (words for alphabetic
 * scripts, character pairs for Chinese and Japanese), go into the prompt. {@link #watch} keeps
 * following the file: an example added while the server runs is used within a second.
 */
public final class VerifiedExamples {
    public static final int MAX_EXAMPLES = 10_000;
    public static final int MAX_QUESTION_CHARS = 500;
    public static final int MAX_SQL_CHARS = 2_000;
    /** The first line of an examples file. */
    public static final String HEADER = "source,question,sql";
    private static final Duration RECHECK = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(VerifiedExamples.class.getName());
    private static final Pattern WORD = Pattern.compile("[\\p{IsAlphabetic}\\p{IsDigit}_]+");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "on", "for", "to", "by", "and", "or", "is", "are",
            "was", "were", "what", "which", "who", "how", "many", "much", "me", "show", "list", "give", "with", "from", "each", "per", "all",
            "do", "does", "did", "at", "it", "its", "be", "that", "this", "の", "は", "を", "に", "が", "で", "と", "か");

    private record Indexed(VerifiedExample example, Set<String> terms) {
    }

    private final Supplier<List<Indexed>> examples;

    private VerifiedExamples(Supplier<List<Indexed>> examples) {
        this.examples = examples;
    }

    /** No examples. */
    public static VerifiedExamples none() {
        return of(List.of());
    }

    public static VerifiedExamples of(List<VerifiedExample> examples) {
        List<Indexed> indexed = index(requireNonNull(examples, "examples is null"));
        return new VerifiedExamples(() -> indexed);
    }

    /**
     * Reads {@code file} once.
     *
     * @throws IllegalArgumentException naming the file and record when the file is missing or malformed
     */
    public static VerifiedExamples load(Path file) {
        return of(read(file));
    }

    /**
     * Reads {@code file} now, and again on use when it has changed (looked at no more than once a
     * second by {@code clock}), so examples added while the server runs are used within a second.
     * No file means no examples (until {@code sluice examples add} creates it); a change that cannot
     * be read keeps the examples read last and is logged once.
     *
     * @throws IllegalArgumentException naming the file and record when the file is malformed now
     */
    public static VerifiedExamples watch(Path file, Clock clock) {
        ReloadingFile<List<Indexed>> watched = new ReloadingFile<>(requireNonNull(file, "file is null"), clock, RECHECK,
                f -> Files.exists(f) ? index(read(f)) : List.of(), List.of());
        watched.reload();
        if (!Files.exists(file)) {
            LOG.warning(file.toAbsolutePath() + " (llm.examples) does not exist yet: text-to-SQL runs without verified examples "
                    + "until it is created, e.g. by `sluice examples add`");
        }
        return new VerifiedExamples(watched::get);
    }

    /**
     * The examples in {@code file}, in file order.
     *
     * @throws IllegalArgumentException naming the file and record when the file is missing or malformed
     */
    public static List<VerifiedExample> read(Path file) {
        requireNonNull(file, "file is null");
        try {
            return parse(file, decode(file, Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": verified examples file does not exist; create it with the header "
                    + HEADER + " or leave the examples path unset");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read verified examples: " + e.getMessage(), e);
        }
    }

    /** {@code bytes} of {@code file} as text; invalid UTF-8 is an error, never replaced silently. */
    static String decode(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": verified examples must be UTF-8 text; save the file as UTF-8");
        }
    }

    /** The examples in {@code text}, the content of {@code file} (named in errors). */
    static List<VerifiedExample> parse(Path file, String text) {
        List<List<String>> records;
        try {
            records = CsvReader.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        if (records.isEmpty() || !String.join(",", records.getFirst().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList())
                .equals(HEADER)) {
            throw new IllegalArgumentException(file + ": the first line must be the header " + HEADER);
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
            Optional<String> tooLong = tooLong(r.get(1), r.get(2));
            if (tooLong.isPresent()) {
                throw new IllegalArgumentException(where + tooLong.get());
            }
            out.add(normalise(new VerifiedExample(r.get(0), r.get(1), r.get(2))));
            if (out.size() > MAX_EXAMPLES) {
                throw new IllegalArgumentException(file + ": more than " + MAX_EXAMPLES + " examples; keep the best ones");
            }
        }
        return out;
    }

    /** Why {@code question} or {@code sql} is too long for an example, if it is. */
    static Optional<String> tooLong(String question, String sql) {
        return question.strip().length() > MAX_QUESTION_CHARS || sql.strip().length() > MAX_SQL_CHARS
                ? Optional.of("question is limited to " + MAX_QUESTION_CHARS + " and sql to " + MAX_SQL_CHARS + " characters (got "
                + question.strip().length() + " and " + sql.strip().length() + ")")
                : Optional.empty();
    }

    /** The example as the file reader keeps it: fields stripped, a trailing {@code ;} dropped. */
    static VerifiedExample normalise(VerifiedExample e) {
        return new VerifiedExample(e.source().strip(), e.question().strip(), stripSemicolon(e.sql().strip()));
    }

    private static List<Indexed> index(List<VerifiedExample> examples) {
        return examples.stream().map(e -> new Indexed(e, terms(e.question()))).toList();
    }

    public int size() {
        return examples.get().size();
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
        List<Indexed> current = examples.get();
        for (int i = 0; i < current.size(); i++) {
            Indexed e = current.get(i);
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
