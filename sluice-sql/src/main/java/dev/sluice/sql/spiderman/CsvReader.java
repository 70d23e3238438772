package dev.sluice.sql.spiderman;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader: comma separated, fields optionally enclosed in double quotes, a
 * doubled quote inside a quoted field is one quote, quoted fields may hold commas and line breaks,
 * records end with CRLF or LF. An unquoted field equal to the reader's null token (SpiderMan writes
 * {@code NULL}) reads as Java {@code null}; a quoted one stays text, so {@code "NULL"} is the string.
 */
public final class CsvReader implements AutoCloseable {
    private final Reader in;
    private final String nullToken;
    private int peeked = -2;
    private long line = 1;

    /** Reads {@code in}; {@code nullToken} may be null for none. */
    public CsvReader(Reader in, String nullToken) {
        this.in = in.markSupported() ? in : new java.io.BufferedReader(in, 1 << 16);
        this.nullToken = nullToken;
    }

    /** Parses a whole text. */
    public static List<List<String>> parse(String text, String nullToken) {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new java.io.StringReader(text), nullToken)) {
            List<String> record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    /** The next record, or null at the end of input; a blank line is a record of one empty field. */
    public List<String> next() {
        try {
            if (peek() < 0) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                boolean quoted = false;
                field.setLength(0);
                int c = read();
                if (c == '"') {
                    quoted = true;
                    long start = line;
                    while (true) {
                        c = read();
                        if (c < 0) {
                            throw new IllegalArgumentException("unterminated quoted field starting on line " + start);
                        }
                        if (c == '"') {
                            if (peek() == '"') {
                                read();
                                field.append('"');
                            } else {
                                break;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append((char) c);
                        }
                    }
                    c = read();
                    // tolerate text between the closing quote and the delimiter: keep it (lenient)
                    while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                        field.append((char) c);
                        c = read();
                    }
                } else {
                    while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                        field.append((char) c);
                        c = read();
                    }
                }
                String value = field.toString();
                fields.add(!quoted && nullToken != null && value.equals(nullToken) ? null : value);
                if (c == ',') {
                    continue;
                }
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c == '\n' || c == '\r') {
                    line++;
                }
                return fields;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        return c;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
