package dev.sluice.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Prints records for the CLI ({@code sluice audit tail|search|export}): a compact table, one line
 * per record under {@link #HEADER}, or JSON lines ({@link AuditJson}).
 *
 * <pre>
 * TIME                     KIND             STATUS        PRINCIPAL     TOOL                SOURCE      ELAPSED     ROWS  DETAIL
 * 2026-03-01T10:15:02.123Z tool_call        ok            claude        execute_query       lake           12ms       42  select region, sum(...
 * </pre>
 *
 * DETAIL is the error if any, else the final SQL, the generated SQL, the question or the guard
 * rule, on one line, cut to {@link #DETAIL_WIDTH} characters.
 */
public final class AuditFormatter {
    /** Output formats of the CLI's {@code --format}. */
    public enum Format {
        TABLE, JSONL;

        /** {@code table} or {@code jsonl}, case-insensitive. */
        public static Format parse(String text) {
            return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
                case "table" -> TABLE;
                case "jsonl", "json" -> JSONL;
                default -> throw new IllegalArgumentException("--format must be table or jsonl, got '" + text + "'");
            };
        }
    }

    public static final int DETAIL_WIDTH = 80;
    private static final String ROW = "%-24s %-16s %-13s %-13s %-19s %-10s %8s %8s  %s";
    public static final String HEADER = String.format(Locale.ROOT, ROW,
            "TIME", "KIND", "STATUS", "PRINCIPAL", "TOOL", "SOURCE", "ELAPSED", "ROWS", "DETAIL").stripTrailing();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditFormatter() {
    }

    /** One table line (no line break). */
    public static String tableLine(AuditRecord r) {
        requireNonNull(r, "record is null");
        return String.format(Locale.ROOT, ROW,
                TIME.format(r.time()), r.kind().wireName(), r.status().wireName(), cell(r.principal(), 13),
                cell(r.tool(), 19), cell(r.source(), 10),
                r.elapsedMs() == null ? "-" : r.elapsedMs() + "ms",
                r.rowCount() == null ? "-" : r.rowCount().toString(),
                oneLine(detail(r), DETAIL_WIDTH)).stripTrailing();
    }

    /** One JSON line (no line break), as exported. */
    public static String jsonLine(AuditRecord r) {
        return AuditJson.toJson(r);
    }

    /** Writes the header line. For {@link Format#JSONL} there is none. */
    public static void header(Format format, Appendable out) {
        if (format == Format.TABLE) {
            write(out, HEADER);
        }
    }

    /** Writes one record as a line in {@code format}. */
    public static void print(AuditRecord r, Format format, Appendable out) {
        write(out, format == Format.TABLE ? tableLine(r) : jsonLine(r));
    }

    /** Writes the header (table only) and then every record. */
    public static void printAll(Iterable<AuditRecord> records, Format format, Appendable out) {
        header(format, out);
        for (AuditRecord r : records) {
            print(r, format, out);
        }
    }

    private static void write(Appendable out, String line) {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String detail(AuditRecord r) {
        for (String s : new String[] {r.error(), r.finalSql(), r.generatedSql(), r.question(), r.guardRule()}) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return "";
    }

    private static String cell(String value, int width) {
        return value == null ? "-" : oneLine(value, width);
    }

    private static String oneLine(String s, int width) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= width ? flat : flat.substring(0, width - 1) + "…";
    }
}
