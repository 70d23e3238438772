package dev.sluice.llm.sql;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Screens a natural-language question before any model sees it (SPEC 2.4): text that tries to
 * override the model's instructions (role changes, "ignore previous instructions", asking for the
 * system prompt) and requests to change data (delete, drop, update, insert, truncate, ... in English
 * and Japanese) are refused with a message saying what to ask instead. Questions <em>about</em>
 * changes ("how many orders were deleted?", "最後の更新はいつ？") pass. This is a first line only: the
 * generated SQL always goes through the guard, and the engine session is read-only.
 */
public final class InputScreening {
    /** Why a question was refused: {@code rule} is {@code prompt_injection} or {@code write_request}. */
    public record Refusal(String rule, String message) {
        public Refusal {
            requireNonNull(rule, "rule is null");
            requireNonNull(message, "message is null");
        }
    }

    public static final String PROMPT_INJECTION = "prompt_injection";
    public static final String WRITE_REQUEST = "write_request";

    private static final List<Pattern> OVERRIDES = List.of(
            Pattern.compile("(?i)\\b(?:ignore|disregard|forget|override|bypass)\\b(?:\\s+\\w+){0,3}?\\s+(?:instructions?|prompts?|rules|guidelines|directions|constraints|guardrails)\\b"),
            Pattern.compile("(?i)\\byou\\s+are\\s+now\\b"),
            Pattern.compile("(?i)\\b(?:from\\s+now\\s+on|henceforth)\\b.{0,40}\\b(?:you|act|behave|respond)\\b"),
            Pattern.compile("(?i)\\b(?:act|behave)\\s+as\\s+(?:an?\\s+)?(?:unrestricted|different|new|admin|administrator|dba|root|system)\\b"),
            Pattern.compile("(?i)\\bpretend\\s+(?:to\\s+be|you\\s+are)\\b"),
            Pattern.compile("(?i)\\b(?:system|developer|hidden|initial|original)\\s+(?:prompt|message|instructions?)\\b"),
            Pattern.compile("(?i)\\b(?:reveal|show|print|repeat|output|tell\\s+me|what\\s+(?:is|are))\\s+(?:me\\s+)?(?:your|the)\\s+(?:instructions|rules|prompt)\\b"),
            Pattern.compile("(?i)\\b(?:jailbreak|DAN\\s+mode|developer\\s+mode)\\b"),
            Pattern.compile("(?i)</?\\s*(?:system|assistant|instructions?)\\s*>|\\[/?(?:INST|SYS)\\]"),
            Pattern.compile("(?:以前|前|上記|これまで|今まで|先ほど)の(?:指示|命令|ルール|プロンプト)"),
            Pattern.compile("(?:指示|命令|ルール|制約)を(?:無視|忘れ|破棄|上書き)"),
            Pattern.compile("システム\\s*プロンプト|あなたは(?:今から|これから)"));

    private static final String WRITE_VERB = "delete|drop|truncate|insert|update|alter|erase|wipe|purge|overwrite|grant|revoke|upsert";
    private static final List<Pattern> WRITES = List.of(
            // SQL written into the question
            Pattern.compile("(?i)\\b(?:DROP\\s+(?:TABLE|SCHEMA|DATABASE|VIEW|INDEX)|DELETE\\s+FROM|INSERT\\s+INTO|TRUNCATE\\s+(?:TABLE\\s+)?\\w|UPDATE\\s+[\\w.\"]+\\s+SET"
                    + "|ALTER\\s+(?:TABLE|SCHEMA|DATABASE)|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TABLE|SCHEMA|DATABASE|VIEW|INDEX)|GRANT\\s+\\w+\\s+ON|COPY\\s+\\w+\\s+(?:TO|FROM))\\b"),
            // an imperative: at the start of a line, or after please / and / then / can you ...
            Pattern.compile("(?im)(?:^|[.!?;:,]\\s*|\\b(?:please|pls|and|then|also|now|you|to|must|should|go\\s+ahead\\s+and)\\s+)(?:" + WRITE_VERB + ")\\b"
                    + "(?!-|\\s+(?:of|in|on|at|off|count|counts|date|dates|time|times|history|frequency|rate|events?)\\b)"),
            Pattern.compile("(?i)\\b(?:add|create|insert|make)\\s+(?:a\\s+|an\\s+|new\\s+|the\\s+)*(?:row|rows|record|records|column|columns|table|tables|index|entry|entries|user|users)\\b"
                    + "(?=.*\\b(?:to|into|in|for|called|named|with)\\b)"),
            // Japanese: the verb in a form that asks for the action (削除して, 更新する, 消して), not 削除された
            Pattern.compile("(?:削除|更新|挿入|追加|変更|消去|上書き|書き換え|作成|破棄|ドロップ|トランケート)"
                    + "(?:して(?![いるた])|しろ|せよ|しなさい|してください|して下さい|してほしい|してもらえ|したい|をお願い|を実行)"),
            Pattern.compile("(?:削除|ドロップ|トランケート)する(?!の?は|と|たび|日|時|件|数|前|後|予定)|(?:消して|消せ|書き換えて|空にして)"),
            Pattern.compile("(?:テーブル|表|データ|行|レコード)を(?:削除|消|ドロップ|空に|更新|変更|書き換)"));

    private InputScreening() {
    }

    /** Empty when the question may go to the model; otherwise why not and what to do. */
    public static Optional<Refusal> screen(String question) {
        requireNonNull(question, "question is null");
        String q = question.strip();
        boolean japanese = QuestionLanguage.of(q).japanese();
        for (Pattern p : OVERRIDES) {
            Matcher m = p.matcher(q);
            if (m.find()) {
                return Optional.of(new Refusal(PROMPT_INJECTION, japanese
                        ? "この質問には、モデルへの指示を変えようとする文（「" + quote(m.group()) + "」）が含まれているため、処理しませんでした。"
                        + "データについての質問として言い換えてください。"
                        : "The question contains text that tries to change the model's instructions (\"" + quote(m.group())
                        + "\"), so it was not sent to the model. Ask a question about the data instead."));
            }
        }
        for (Pattern p : WRITES) {
            Matcher m = p.matcher(q);
            if (m.find()) {
                return Optional.of(new Refusal(WRITE_REQUEST, japanese
                        ? "この質問はデータの変更（「" + quote(m.group()) + "」）を求めていますが、Sluice は読み取り専用です。"
                        + "データを調べる質問（例: 対象となる行の件数）として聞き直してください。"
                        : "The question asks to change data (\"" + quote(m.group()) + "\"), but Sluice only reads. Ask about the data "
                        + "instead (for example, how many rows would match); changes go through the transact tool where an "
                        + "administrator enabled writes."));
            }
        }
        return Optional.empty();
    }

    private static String quote(String match) {
        String m = match.strip().replaceAll("^[.!?;:,]\\s*", "").replaceAll("\\s+", " ");
        return m.length() > 60 ? m.substring(0, 60) + "…" : m;
    }
}
