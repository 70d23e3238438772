package dev.sluice.llm.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns identifiers, comments, values and questions into index terms. Identifiers are split on
 * {@code snake_case}, {@code camelCase}, digits and punctuation; words are lower-cased, stop words
 * dropped and plurals folded ({@code countries → country}, {@code addresses → address}). Runs of
 * CJK, kana and Hangul characters, which have no spaces, become overlapping character bigrams
 * (a single character stays a unigram), so a Japanese question tokenises and matches Japanese
 * comments or values without a dictionary.
 */
final class Terms {
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "not", "no",
            "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "that", "this",
            "these", "those", "it", "its", "as", "than", "then", "there", "their", "them", "they", "we", "our",
            "you", "your", "i", "me", "my", "what", "which", "who", "whom", "whose", "when", "where", "how", "why",
            "all", "any", "each", "every", "both", "also", "only", "just", "into", "per", "about", "but", "if",
            "show", "list", "find", "give", "return", "tell", "display", "get", "please", "many", "much", "some",
            "s", "t", "can", "could", "would", "should", "will", "one", "such", "other", "more", "most",
            "less", "least", "so", "up", "out", "over", "under", "between", "after", "before", "same", "different",
            "ha", "wa");
    private static final Map<String, String> IRREGULAR = Map.of(
            "people", "person", "children", "child", "men", "man", "women", "woman", "mice", "mouse",
            "feet", "foot", "teeth", "tooth", "data", "data", "series", "series", "species", "species");

    /** Splits words apart, keeping the apostrophes, hyphens and underscores inside them ({@code ship's}, {@code first_name}). */
    private static final Pattern WORD_BREAKS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}_'-]+");

    private Terms() {
    }

    /** The index terms of {@code text}, in order, with repeats. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        StringBuilder word = new StringBuilder();
        StringBuilder cjk = new StringBuilder();
        int prevType = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                flushWord(word, out);
                cjk.appendCodePoint(cp);
                prevType = -1;
                continue;
            }
            flushCjk(cjk, out);
            if (!Character.isLetterOrDigit(cp)) {
                flushWord(word, out);
                prevType = -1;
                continue;
            }
            int type = Character.isDigit(cp) ? 0 : Character.isUpperCase(cp) ? 2 : 1;
            boolean boundary = !word.isEmpty() && (
                    (prevType == 0) != (type == 0)                     // letters ↔ digits
                    || (prevType == 1 && type == 2)                    // camelCase
                    || (prevType == 2 && type == 1 && word.length() > 1
                        && Character.isUpperCase(word.codePointBefore(word.length())) && upperRun(word) > 1)); // HTTPServer
            if (boundary && prevType == 2 && type == 1) {
                // "HTTPServer": move the last capital to the new word
                int last = word.codePointBefore(word.length());
                word.setLength(word.length() - Character.charCount(last));
                flushWord(word, out);
                word.appendCodePoint(last);
            } else if (boundary) {
                flushWord(word, out);
            }
            word.appendCodePoint(cp);
            prevType = type;
        }
        flushWord(word, out);
        flushCjk(cjk, out);
        return out;
    }

    /**
     * {@code text} with its stop words and punctuation left out, the other words as written and in
     * order. Fed to the embedding model instead of the whole question: words like "how many" or "show
     * the" say nothing about which tables a question needs, and the model's time grows with every
     * token (12.4 words per SpiderMan question fall to 5.5; see docs/schema-retrieval.md). Returns
     * {@code text} itself when nothing would be left.
     */
    static String contentWords(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String word : WORD_BREAKS.split(text)) {
            String w = trimJoiners(word);
            if (!w.isEmpty() && !of(w).isEmpty()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(w);
            }
        }
        return out.isEmpty() ? text : out.toString();
    }

    private static String trimJoiners(String word) {
        int from = 0;
        int to = word.length();
        while (from < to && isJoiner(word.charAt(from))) {
            from++;
        }
        while (to > from && isJoiner(word.charAt(to - 1))) {
            to--;
        }
        return word.substring(from, to);
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '-' || c == '_';
    }

    /** Folds an English word to the form the index keeps. */
    static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        int n = w.length();
        if (n <= 3 || !isAsciiLetters(w)) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("zes")) {
            return w.substring(0, n - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static int upperRun(StringBuilder word) {
        int run = 0;
        for (int i = word.length() - 1; i >= 0 && Character.isUpperCase(word.charAt(i)); i--) {
            run++;
        }
        return run;
    }

    private static void flushWord(StringBuilder word, List<String> out) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString().toLowerCase(Locale.ROOT);
        word.setLength(0);
        if (!STOP.contains(w)) {
            out.add(normalise(w));
        }
    }

    private static void flushCjk(StringBuilder run, List<String> out) {
        if (run.isEmpty()) {
            return;
        }
        int[] cps = run.codePoints().toArray();
        run.setLength(0);
        if (cps.length == 1) {
            out.add(new String(cps, 0, 1));
            return;
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
    }

    private static boolean isAsciiLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || cp == 0x30FC; // prolonged sound mark, script COMMON
    }
}
