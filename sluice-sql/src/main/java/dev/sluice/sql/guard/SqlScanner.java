package dev.sluice.sql.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL-family lexer that runs before the parser. It splits statements on top-level ';' the
 * way the engine does (never inside strings, quoted identifiers, dollar quotes or nested comments),
 * replaces comments with spaces, rewrites the literal forms JSqlParser does not read (E'', U&amp;'',
 * U&amp;"", $tag$ quotes) into plain standard literals, and refuses characters that an engine and a
 * parser could read differently. Positions are kept where the rewrite allows it.
 */
final class SqlScanner {

    enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    /**
     * One token. {@code text} is the word as written (for QUOTED the decoded identifier), {@code
     * offset} the position in the input, {@code pos} the position in the segment's normalised text.
     */
    record Token(Kind kind, String text, int offset, int pos) {
        boolean isWord(String upper) {
            return kind == Kind.WORD && text.equalsIgnoreCase(upper);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }
    }

    /** One non-empty statement: normalised text and tokens. */
    record Segment(String text, List<Token> tokens) {}

    /** Either segments or a refusal. */
    record Result(List<Segment> segments, GuardVerdict refusal) {}

    private final String sql;
    private final int maxNesting;
    private final List<Segment> segments = new ArrayList<>();
    private StringBuilder out = new StringBuilder();
    private List<Token> tokens = new ArrayList<>();
    private int depth;

    private SqlScanner(String sql, int maxNesting) {
        this.sql = sql;
        this.maxNesting = maxNesting;
    }

    static Result scan(String sql, int maxNesting) {
        SqlScanner s = new SqlScanner(sql, maxNesting);
        try {
            s.run();
        } catch (Refusal r) {
            return new Result(List.of(), r.verdict);
        }
        return new Result(List.copyOf(s.segments), null);
    }

    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient GuardVerdict verdict;

        Refusal(GuardRule rule, String message) {
            super(message, null, false, false);
            this.verdict = GuardVerdict.refuse(rule, message);
        }
    }

    private void run() {
        int n = sql.length();
        int i = 0;
        if (n > 0 && sql.charAt(0) == '\uFEFF') {
            out.append(' ');
            i = 1;
        }
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : 0;
            if (c == 0) {
                throw nulByte(i);
            } else if (c == '-' && next == '-') {
                i = lineComment(i);
            } else if (c == '/' && next == '*') {
                i = blockComment(i);
            } else if (c == '\'') {
                i = standardString(i, i);
            } else if ((c == 'E' || c == 'e') && next == '\'' && !identBefore(i)) {
                i = escapeString(i);
            } else if ((c == 'U' || c == 'u') && next == '&' && i + 2 < n
                    && (sql.charAt(i + 2) == '\'' || sql.charAt(i + 2) == '"') && !identBefore(i)) {
                i = unicodeLiteral(i);
            } else if (c == '"') {
                i = quotedIdentifier(i);
            } else if (c == '$' && !identBefore(i) && dollarTagEnd(i) > 0) {
                i = dollarString(i);
            } else if (c == ';') {
                endSegment();
                out.append(' ');
                i++;
            } else if (isIdentStart(c)) {
                int j = i + 1;
                while (j < n && isIdentPart(sql.charAt(j))) {
                    j++;
                }
                emitToken(Kind.WORD, sql.substring(i, j), i, sql.substring(i, j));
                i = j;
            } else if (c >= '0' && c <= '9') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.' || sql.charAt(j) == '_')) {
                    j++;
                }
                emitToken(Kind.NUMBER, sql.substring(i, j), i, sql.substring(i, j));
                i = j;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                out.append(c == '\f' ? ' ' : c); // JSqlParser does not read form feed as whitespace
                i++;
            } else {
                checkVisible(c, i);
                if (c == '(' || c == '[') {
                    depth++;
                    if (depth > maxNesting) {
                        throw new Refusal(GuardRule.TOO_COMPLEX, "The statement nests parentheses more than "
                                + maxNesting + " levels deep: flatten it with CTEs (WITH ...) or joins.");
                    }
                } else if ((c == ')' || c == ']') && depth > 0) {
                    depth--;
                }
                int len = Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
                emitToken(Kind.SYMBOL, sql.substring(i, i + len), i, sql.substring(i, i + len));
                i += len;
            }
        }
        endSegment();
    }

    private static void checkVisible(char c, int offset) {
        int type = Character.getType(c);
        boolean bad = switch (type) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
        if (Character.isHighSurrogate(c)) {
            bad = false; // a paired supplementary character (emoji, CJK extension) is a symbol or identifier
        }
        if (bad) {
            throw new Refusal(GuardRule.INVALID_CHARACTER, String.format(
                    "The statement contains the invisible or control character U+%04X at offset %d outside a "
                            + "string literal: replace it with a plain space or remove it.", (int) c, offset));
        }
    }

    private void emitToken(Kind kind, String text, int offset, String written) {
        tokens.add(new Token(kind, text, offset, out.length()));
        out.append(written);
    }

    private void endSegment() {
        if (!tokens.isEmpty()) {
            segments.add(new Segment(out.toString(), List.copyOf(tokens)));
        }
        out = new StringBuilder();
        tokens = new ArrayList<>();
    }

    private boolean identBefore(int i) {
        return i > 0 && isIdentPart(sql.charAt(i - 1));
    }

    static boolean isIdentStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    static boolean isIdentPart(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

    private void blank(int from, int to) {
        for (int k = from; k < to; k++) {
            char c = sql.charAt(k);
            out.append(c == '\n' || c == '\r' ? c : ' ');
        }
    }

    private int lineComment(int i) {
        int j = i;
        while (j < sql.length() && sql.charAt(j) != '\n' && sql.charAt(j) != '\r') {
            if (sql.charAt(j) == 0) {
                throw nulByte(j);
            }
            j++;
        }
        blank(i, j);
        return j;
    }

    /** Block comments nest, as in PostgreSQL and DuckDB. */
    private int blockComment(int i) {
        int level = 0;
        int j = i;
        int n = sql.length();
        while (j < n) {
            char c = sql.charAt(j);
            if (c == 0) {
                throw nulByte(j);
            }
            if (c == '/' && j + 1 < n && sql.charAt(j + 1) == '*') {
                level++;
                j += 2;
            } else if (c == '*' && j + 1 < n && sql.charAt(j + 1) == '/') {
                level--;
                j += 2;
                if (level == 0) {
                    blank(i, j);
                    return j;
                }
            } else {
                j++;
            }
        }
        throw new Refusal(GuardRule.PARSE_ERROR, "Unterminated /* comment starting at offset " + i
                + " (comments nest, so every /* needs its own */): close it or remove it.");
    }

    /** Finds the end of a quoted run where the quote is escaped by doubling; returns the index after it. */
    private int closeDoubled(int open, char quote, String what) {
        int j = open + 1;
        int n = sql.length();
        while (j < n) {
            char c = sql.charAt(j);
            if (c == 0) {
                throw nulByte(j);
            }
            if (c == quote) {
                if (j + 1 < n && sql.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        throw new Refusal(GuardRule.PARSE_ERROR, "Unterminated " + what + " starting at offset " + open
                + ": close it with " + quote + " (a " + quote + " inside is written twice).");
    }

    /** A standard-conforming string: backslash is an ordinary character. */
    private int standardString(int start, int quote) {
        int end = closeDoubled(quote, '\'', "string literal");
        String raw = sql.substring(start, end);
        emitToken(Kind.STRING, unDouble(sql.substring(quote + 1, end - 1), '\''), start, raw);
        return end;
    }

    private int escapeString(int start) {
        int j = start + 2;
        int n = sql.length();
        StringBuilder content = new StringBuilder();
        while (j < n) {
            char c = sql.charAt(j);
            if (c == 0) {
                throw nulByte(j);
            }
            if (c == '\\' && j + 1 < n) {
                content.append(sql.charAt(j + 1));
                j += 2;
            } else if (c == '\'') {
                if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                    content.append('\'');
                    j += 2;
                } else {
                    emitLiteral(Kind.STRING, content.toString(), start, j + 1, '\'');
                    return j + 1;
                }
            } else {
                content.append(c);
                j++;
            }
        }
        throw new Refusal(GuardRule.PARSE_ERROR, "Unterminated E'' string literal starting at offset " + start
                + ": close it with ' (inside E'' strings, \\' and '' both stand for a quote).");
    }

    private int unicodeLiteral(int start) {
        char quote = sql.charAt(start + 2);
        int end = closeDoubled(start + 2, quote, quote == '"' ? "U&\"\" identifier" : "U&'' string literal");
        String raw = unDouble(sql.substring(start + 3, end - 1), quote);
        char escape = '\\';
        int after = end;
        int k = end;
        while (k < sql.length() && Character.isWhitespace(sql.charAt(k))) {
            k++;
        }
        if (sql.regionMatches(true, k, "UESCAPE", 0, 7)) {
            int q = k + 7;
            while (q < sql.length() && Character.isWhitespace(sql.charAt(q))) {
                q++;
            }
            if (q + 2 < sql.length() && sql.charAt(q) == '\'' && sql.charAt(q + 2) == '\'') {
                escape = sql.charAt(q + 1);
                after = q + 3;
            } else {
                throw new Refusal(GuardRule.PARSE_ERROR, "UESCAPE at offset " + k
                        + " must be followed by a single character in quotes, e.g. UESCAPE '!'.");
            }
            if ("0123456789abcdefABCDEF+'\" \t\n\r".indexOf(escape) >= 0) {
                throw new Refusal(GuardRule.PARSE_ERROR, "UESCAPE character '" + escape + "' at offset " + k
                        + " is not allowed: pick a character that is not a hex digit, +, quote or space.");
            }
        }
        String decoded = decodeUnicode(raw, escape, start);
        emitLiteral(quote == '"' ? Kind.QUOTED : Kind.STRING, decoded, start, after, quote);
        return after;
    }

    private static String decodeUnicode(String raw, char escape, int offset) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != escape) {
                b.append(c);
                i++;
                continue;
            }
            if (i + 1 < raw.length() && raw.charAt(i + 1) == escape) {
                b.append(escape);
                i += 2;
                continue;
            }
            int digits = i + 1 < raw.length() && raw.charAt(i + 1) == '+' ? 6 : 4;
            int from = digits == 6 ? i + 2 : i + 1;
            if (from + digits > raw.length()) {
                throw badEscape(offset);
            }
            int cp;
            try {
                cp = Integer.parseInt(raw.substring(from, from + digits), 16);
            } catch (NumberFormatException e) {
                throw badEscape(offset);
            }
            if (cp == 0 || !Character.isValidCodePoint(cp)) {
                throw new Refusal(GuardRule.INVALID_CHARACTER, "The U& literal at offset " + offset
                        + " escapes NUL or an invalid code point: remove that escape.");
            }
            b.appendCodePoint(cp);
            i = from + digits;
        }
        return b.toString();
    }

    private static Refusal badEscape(int offset) {
        return new Refusal(GuardRule.PARSE_ERROR, "Invalid Unicode escape in the U& literal at offset " + offset
                + ": write \\XXXX (4 hex digits) or \\+XXXXXX (6 hex digits).");
    }

    /** Returns the index after the opening $tag$ at i, or -1 when i does not open a dollar quote. */
    private int dollarTagEnd(int i) {
        int j = i + 1;
        int n = sql.length();
        if (j < n && sql.charAt(j) >= '0' && sql.charAt(j) <= '9') {
            return -1; // $1 is a parameter
        }
        while (j < n && sql.charAt(j) != '$' && (sql.charAt(j) == '_' || Character.isLetterOrDigit(sql.charAt(j)))) {
            j++;
        }
        return j < n && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    private int dollarString(int start) {
        int bodyStart = dollarTagEnd(start);
        String tag = sql.substring(start, bodyStart);
        int close = sql.indexOf(tag, bodyStart);
        if (close < 0) {
            throw new Refusal(GuardRule.PARSE_ERROR, "Unterminated dollar-quoted string " + tag + " starting at offset "
                    + start + ": close it with " + tag + ".");
        }
        String content = sql.substring(bodyStart, close);
        if (content.indexOf(0) >= 0) {
            throw new Refusal(GuardRule.INVALID_CHARACTER, "The statement contains a NUL byte inside the dollar-quoted "
                    + "string at offset " + start + ": remove it.");
        }
        emitLiteral(Kind.STRING, content, start, close + tag.length(), '\'');
        return close + tag.length();
    }

    private int quotedIdentifier(int start) {
        int end = closeDoubled(start, '"', "quoted identifier");
        emitToken(Kind.QUOTED, unDouble(sql.substring(start + 1, end - 1), '"'), start, sql.substring(start, end));
        return end;
    }

    /** Writes content as a plain literal in the given quote, padded with spaces to keep later positions. */
    private void emitLiteral(Kind kind, String content, int start, int end, char quote) {
        String q = String.valueOf(quote);
        String written = q + content.replace(q, q + q) + q;
        emitToken(kind, content, start, written);
        for (int k = written.length(); k < end - start; k++) {
            out.append(' ');
        }
    }

    private static String unDouble(String s, char quote) {
        String q = String.valueOf(quote);
        return s.replace(q + q, q);
    }

    private static Refusal nulByte(int offset) {
        return new Refusal(GuardRule.INVALID_CHARACTER, "The statement contains a NUL byte at offset " + offset
                + ": remove it and send plain text SQL.");
    }
}
