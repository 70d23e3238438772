package dev.sluice.llm.sql;

import dev.sluice.core.files.AtomicFiles;
import dev.sluice.sql.spiderman.CsvWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The verified examples file ({@code llm.examples}) as {@code sluice examples} edits it while a
 * server may be reading it. {@link #append} adds one record at the end and leaves every byte
 * before it as it was (a missing or empty file gets the header first); it holds the file's lock,
 * re-reads the file under it, and replaces the file atomically, so concurrent adds lose nothing
 * and a server never reads half a record.
 */
public final class ExamplesFile {
    private final Path file;

    public ExamplesFile(Path file) {
        this.file = requireNonNull(file, "file is null");
    }

    public Path file() {
        return file;
    }

    /** The examples in the file, in file order; none when it does not exist yet. */
    public List<VerifiedExample> list() {
        return Files.exists(file) ? VerifiedExamples.read(file) : List.of();
    }

    /**
     * Appends {@code example} (stripped, a trailing {@code ;} dropped) and returns how many examples
     * the file now holds. Check it with {@link ExampleCheck} first.
     *
     * @throws IllegalArgumentException when the file is malformed, already has an example with this
     *                                  source and question, or is full; the file is then unchanged
     */
    public int append(VerifiedExample example) {
        VerifiedExample e = VerifiedExamples.normalise(requireNonNull(example, "example is null"));
        try {
            return AtomicFiles.locked(file, () -> {
                byte[] before = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
                String text = VerifiedExamples.decode(file, before);
                List<VerifiedExample> existing = before.length == 0 ? List.of() : VerifiedExamples.parse(file, text);
                for (VerifiedExample other : existing) {
                    if (other.source().equalsIgnoreCase(e.source()) && sameQuestion(other.question(), e.question())) {
                        throw new IllegalArgumentException(file + " already has an example for source " + other.source()
                                + " with this question; edit the file to change it");
                    }
                }
                if (existing.size() >= VerifiedExamples.MAX_EXAMPLES) {
                    throw new IllegalArgumentException(file + " already holds " + VerifiedExamples.MAX_EXAMPLES
                            + " examples, the most it may; remove some before adding more");
                }
                // keep the file's own line ending (the header's); a file without a final line break gets one first
                int headerEnd = text.indexOf('\n');
                String lineEnd = headerEnd > 0 && text.charAt(headerEnd - 1) == '\r' ? "\r\n" : "\n";
                StringBuilder added = new StringBuilder();
                if (before.length == 0) {
                    added.append(VerifiedExamples.HEADER).append(lineEnd);
                } else if (!text.endsWith("\n") && !text.endsWith("\r")) {
                    added.append(lineEnd);
                }
                added.append(CsvWriter.record(List.of(e.source(), e.question(), e.sql()), lineEnd));
                ByteArrayOutputStream after = new ByteArrayOutputStream(before.length + added.length() * 3);
                after.write(before);
                after.write(added.toString().getBytes(StandardCharsets.UTF_8));
                // read the result back as the server will: the new example must come out exactly as it went in
                List<VerifiedExample> written = VerifiedExamples.parse(file, VerifiedExamples.decode(file, after.toByteArray()));
                if (written.size() != existing.size() + 1 || !written.getLast().equals(e)) {
                    throw new IllegalStateException(file + ": the new record would not read back as written; the file is unchanged");
                }
                AtomicFiles.replace(file, after.toByteArray(), false);
                return written.size();
            });
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot update " + file + ": " + ex.getMessage()
                    + "; check that its folder exists and is writable", ex);
        }
    }

    /** The same question but for case and spacing. */
    private static boolean sameQuestion(String a, String b) {
        return squash(a).equals(squash(b));
    }

    private static String squash(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
