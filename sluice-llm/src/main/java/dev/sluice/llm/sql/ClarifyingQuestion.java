package dev.sluice.llm.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A question a model asked back instead of writing SQL, in the strict form {@link SqlPrompt} offers:
 *
 * <pre>
 * CLARIFY: Which revenue do you mean?
 * OPTION: gross revenue
 * OPTION: net revenue after refunds
 * </pre>
 *
 * Bounded, because it is shown to the user and put back into the next prompt: the question to
 * {@value #MAX_QUESTION} characters, at most {@value #MAX_OPTIONS} options of {@value #MAX_OPTION}
 * characters. Blank and repeated options are dropped, and so is a single option (it is no choice).
 * The user's answer is bounded too: {@value #MAX_ANSWER} characters on one line, however it was asked.
 *
 * @param question the question, one line; blank when the model wrote {@code CLARIFY:} and nothing else
 * @param options  possible answers the user may pick from; empty for a free-text answer
 */
record ClarifyingQuestion(String question, List<String> options) {
    static final int MAX_QUESTION = 300;
    static final int MAX_OPTIONS = 5;
    static final int MAX_OPTION = 100;
    static final int MAX_ANSWER = 500;

    // tolerant of markdown around the marker ("**CLARIFY:** ..."), strict about the marker itself
    private static final Pattern CLARIFY = Pattern.compile("(?im)^[ \\t>*_`-]*CLARIFY[*_`]*[ \\t]*:[*_`]*(.*)$");
    private static final Pattern OPTION = Pattern.compile("(?i)^[ \\t>*_`-]*OPTION[*_`]*[ \\t]*:[*_`]*(.*)$");

    ClarifyingQuestion {
        requireNonNull(question, "question is null");
        options = List.copyOf(requireNonNull(options, "options is null"));
    }

    /** The clarifying question in a model's answer, if it has one (whether it also holds SQL is the caller's concern). */
    static Optional<ClarifyingQuestion> in(String answer) {
        requireNonNull(answer, "answer is null");
        Matcher m = CLARIFY.matcher(answer.replace("\r\n", "\n"));
        if (!m.find()) {
            return Optional.empty();
        }
        String question = oneLine(m.group(1));
        List<String> options = new ArrayList<>();
        for (String line : answer.replace("\r\n", "\n").substring(m.end()).split("\n")) {
            Matcher option = OPTION.matcher(line);
            if (option.matches()) {
                String o = TextToSql.shorten(oneLine(option.group(1)), MAX_OPTION);
                if (!o.isEmpty() && !options.contains(o) && options.size() < MAX_OPTIONS) {
                    options.add(o);
                }
            } else if (question.isEmpty() && !line.isBlank()) {
                question = oneLine(line); // "CLARIFY:" on a line of its own, the question below it
            }
        }
        return Optional.of(new ClarifyingQuestion(question.isEmpty() ? "" : TextToSql.shorten(question, MAX_QUESTION),
                options.size() < 2 ? List.of() : options));
    }

    boolean blank() {
        return question.isBlank();
    }

    /** The question and its options in one line, for messages and the next prompt. */
    String describe() {
        return options.isEmpty() ? question : question + " (options: " + String.join("; ", options) + ")";
    }

    private static String oneLine(String s) {
        return s.replaceAll("[*_`]+$", "").strip().replaceAll("\\s+", " ");
    }
}
