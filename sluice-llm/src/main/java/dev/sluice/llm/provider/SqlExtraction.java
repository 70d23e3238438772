package dev.sluice.llm.provider;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Pulls one SQL statement out of a model's answer: from a {@code ```sql} fence, a plain fence whose
 * body reads as SQL, an inline {@code `SELECT …`} span, or the first line that starts a statement
 * after leading prose. The statement ends at its first top-level semicolon (outside quotes and
 * comments); trailing explanations and further statements are dropped. Answers without SQL are
 * either a {@link Refused refusal} or {@link NoSql plain text}. It only reads text: nothing is
 * executed or validated here, the guard and the engine do that.
 */
public final class SqlExtraction {
    /** What the answer held. */
    public sealed interface Result permits Found, Refused, NoSql {
    }

    /** One statement, without its trailing semicolon; {@code droppedRest} when more text followed it. */
    public record Found(String sql, boolean droppedRest) implements Result {
        public Found {
            requireNonNull(sql, "sql is null");
        }
    }

    /** The model declined ("I can't help with that"); {@code message} is its answer, trimmed. */
    public record Refused(String message) implements Result {
        public Refused {
            requireNonNull(message, "message is null");
        }
    }

    /** An answer with no SQL and no refusal (a question back, an explanation); {@code text} trimmed. */
    public record NoSql(String text) implements Result {
        public NoSql {
            requireNonNull(text, "text is null");
        }
    }

    private static final Pattern FENCE = Pattern.compile("(?s)```[ \\t]*([A-Za-z0-9_+.-]*)[^\\n]*\\n(.*?)(?:```|\\z)");
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern START = Pattern.compile(
            "(?im)^[ \\t>*-]*(?:(?:sql|query|answer)\\s*:\\s*)?((?:SELECT|WITH|INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|DROP|EXPLAIN|SHOW|DESCRIBE|VALUES|TABLE)\\b.*)");
    private static final Pattern SQL_SHAPE = Pattern.compile(
            "(?is)^\\s*(?:SELECT\\b.+|WITH\\s+\\w+\\s*(?:\\([^)]*\\))?\\s+AS\\s*\\(.+|(?:INSERT\\s+INTO|UPDATE\\s+\\S+\\s+SET|DELETE\\s+FROM|MERGE\\s+INTO"
                    + "|CREATE\\s+\\w+|ALTER\\s+\\w+|DROP\\s+\\w+|EXPLAIN\\b|SHOW\\s+\\w+|DESCRIBE\\s+\\S+|VALUES\\s*\\(|TABLE\\s+\\S+).*)");
    private static final List<Pattern> REFUSALS = List.of(
            Pattern.compile("(?i)\\bI\\s*(?:can(?:'|’)?t|cannot|can not|won(?:'|’)t|will not|am unable to|'m unable to|’m unable to|am not able to|'m not able to|’m not able to)\\b"
                    + "(?:\\s+\\w+){0,3}\\s+(?:help|assist|answer|provide|write|generate|create|do|comply|fulfil|fulfill|produce)"),
            Pattern.compile("(?i)\\b(?:sorry|unfortunately|apologi[sz]e)\\b.{0,80}\\b(?:can(?:'|’)?t|cannot|unable|not able|won(?:'|’)t)\\b"),
            Pattern.compile("(?i)\\bas an ai\\b"),
            Pattern.compile("(?i)\\b(?:not allowed|against (?:my|the) (?:policy|policies|guidelines))\\b"),
            Pattern.compile("(できません|お答えできません|対応できません|申し訳ありません)"));

    private SqlExtraction() {
    }

    public static Result extract(String modelOutput) {
        requireNonNull(modelOutput, "modelOutput is null");
        String text = modelOutput.replace("\r\n", "\n").strip();
        String candidate = fromFences(text);
        if (candidate == null) {
            candidate = fromInline(text);
        }
        if (candidate == null) {
            candidate = fromProse(text);
        }
        if (candidate != null) {
            Found found = firstStatement(candidate);
            if (found != null) {
                return found;
            }
        }
        for (Pattern refusal : REFUSALS) {
            if (refusal.matcher(text).find()) {
                return new Refused(text);
            }
        }
        return new NoSql(text);
    }

    private static String fromFences(String text) {
        Matcher m = FENCE.matcher(text);
        String plain = null;
        while (m.find()) {
            String lang = m.group(1).toLowerCase(Locale.ROOT);
            String body = m.group(2);
            if (lang.equals("sql") || lang.endsWith("sql") || lang.equals("duckdb") || lang.equals("trino")) {
                return body;
            }
            if (plain == null && (lang.isEmpty() || lang.equals("text")) && looksLikeSql(stripLeadingComments(body))) {
                plain = body;
            }
        }
        return plain;
    }

    private static String fromInline(String text) {
        Matcher m = INLINE.matcher(text);
        while (m.find()) {
            if (looksLikeSql(m.group(1)) && m.group(1).contains(" ")) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String fromProse(String text) {
        Matcher m = START.matcher(text);
        while (m.find()) {
            String rest = text.substring(m.start(1));
            // stop at the first blank line: what follows is explanation
            int blank = rest.indexOf("\n\n");
            String statement = blank < 0 ? rest : rest.substring(0, blank);
            String keyword = m.group(1).split("\\s+", 2)[0];
            boolean shouted = keyword.equals(keyword.toUpperCase(Locale.ROOT));
            if (looksLikeSql(statement) && (shouted || Pattern.compile("(?i)\\bfrom\\b").matcher(statement).find())) {
                return blank < 0 ? statement : statement + "\n\n" + rest.substring(blank + 2);
            }
        }
        return null;
    }

    private static boolean looksLikeSql(String s) {
        return SQL_SHAPE.matcher(s).matches();
    }

    private static String stripLeadingComments(String s) {
        String t = s.strip();
        while (t.startsWith("--") || t.startsWith("/*")) {
            int end = t.startsWith("--") ? t.indexOf('\n') : t.indexOf("*/");
            if (end < 0) {
                return "";
            }
            t = t.substring(end + (t.startsWith("--") ? 1 : 2)).strip();
        }
        return t;
    }

    /**
     * Cuts at the first semicolon outside quotes and comments, or (when there is none) at the first
     * blank line followed by prose. Returns null when nothing statement-like is left.
     */
    private static Found firstStatement(String candidate) {
        String s = candidate.strip();
        int end = topLevelSemicolon(s);
        boolean dropped;
        String sql;
        if (end >= 0) {
            sql = s.substring(0, end);
            dropped = !s.substring(end + 1).replaceAll(";", "").isBlank();
        } else {
            int blank = s.indexOf("\n\n");
            if (blank >= 0 && !looksLikeSql(s.substring(blank).strip()) && !startsLikeClause(s.substring(blank).strip())) {
                sql = s.substring(0, blank);
                dropped = true;
            } else {
                sql = s;
                dropped = false;
            }
        }
        sql = sql.strip();
        if (!looksLikeSql(stripLeadingComments(sql))) {
            return null;
        }
        return new Found(sql, dropped);
    }

    private static boolean startsLikeClause(String s) {
        return Pattern.compile("(?i)^(FROM|WHERE|GROUP|ORDER|HAVING|LIMIT|JOIN|LEFT|RIGHT|INNER|OUTER|FULL|CROSS|UNION|EXCEPT|INTERSECT|AND|OR|ON|SELECT|WINDOW|QUALIFY|OFFSET|FETCH|,|\\)|--)\\b?")
                .matcher(s).find();
    }

    private static int topLevelSemicolon(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = s.indexOf(c, i + 1);
                while (close >= 0 && close + 1 < n && s.charAt(close + 1) == c) {
                    close = s.indexOf(c, close + 2);
                }
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int nl = s.indexOf('\n', i);
                if (nl < 0) {
                    return -1;
                }
                i = nl + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 2;
            } else if (c == ';') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }
}
