package dev.sluice.llm.sql;

import static java.util.Objects.requireNonNull;

/**
 * The language a question is written in, as far as a prompt needs it: Japanese (any kana), Korean
 * (Hangul), Chinese (Han without kana), or other (the model is told to answer in the question's own
 * language).
 *
 * @param name        the language's English name, or null for "other"
 * @param instruction how the prompt tells the model which language to answer in
 */
public record QuestionLanguage(String name, String instruction) {
    public QuestionLanguage {
        requireNonNull(instruction, "instruction is null");
    }

    static final QuestionLanguage JAPANESE = new QuestionLanguage("Japanese", "Answer in Japanese (日本語で答えてください).");
    static final QuestionLanguage KOREAN = new QuestionLanguage("Korean", "Answer in Korean (한국어로 답하세요).");
    static final QuestionLanguage CHINESE = new QuestionLanguage("Chinese", "Answer in Chinese (请用中文回答).");
    static final QuestionLanguage OTHER = new QuestionLanguage(null, "Answer in the same language as the question.");

    public static QuestionLanguage of(String text) {
        boolean han = false;
        boolean hangul = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                return JAPANESE;
            }
            han |= script == Character.UnicodeScript.HAN;
            hangul |= script == Character.UnicodeScript.HANGUL;
            i += Character.charCount(cp);
        }
        return hangul ? KOREAN : han ? CHINESE : OTHER;
    }

    public boolean japanese() {
        return this == JAPANESE || "Japanese".equals(name);
    }
}
