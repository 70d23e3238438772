package dev.sluice.sql.spiderman;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Writes RFC 4180 records that {@link CsvReader} reads back as they were: a field is enclosed in
 * double quotes when it holds a comma, a quote, a line break, or white space at either end (which
 * readers that trim would lose), and a quote inside is doubled. Other fields are written bare.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** One record ending with {@code lineEnd} ({@code "\n"} or {@code "\r\n"}). */
    public static String record(List<String> fields, String lineEnd) {
        requireNonNull(fields, "fields is null");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        return out.append(requireNonNull(lineEnd, "lineEnd is null")).toString();
    }

    /** One field, quoted only where it must be. */
    public static String field(String value) {
        requireNonNull(value, "value is null");
        boolean quote = value.strip().length() != value.length();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
