package dev.sluice.llm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void identifiers_splitOnSnakeCamelAndDigits() {
        assertThat(Terms.of("order_lines")).containsExactly("order", "line");
        assertThat(Terms.of("firstName")).containsExactly("first", "name");
        assertThat(Terms.of("HTTPServerLogs2024")).containsExactly("http", "server", "log", "2024");
        assertThat(Terms.of("Player_Attributes")).containsExactly("player", "attribute");
    }

    @Test
    void words_foldPluralsAndDropStopWords() {
        assertThat(Terms.of("How many countries have addresses with churches?"))
                .containsExactly("country", "address", "church");
        assertThat(Terms.of("the people and their children")).containsExactly("person", "child");
        assertThat(Terms.of("status class bus")).containsExactly("status", "class", "bus");
    }

    @Test
    void cjkRuns_becomeCharacterBigrams() {
        assertThat(Terms.of("東京都の店舗")).containsExactly("東京", "京都", "都の", "の店", "店舗");
        assertThat(Terms.of("売上 top10")).containsExactly("売上", "top", "10");
        assertThat(Terms.of("猫")).containsExactly("猫");
    }

    @Test
    void emptyAndPunctuationOnly_giveNoTerms() {
        assertThat(Terms.of("")).isEmpty();
        assertThat(Terms.of(null)).isEmpty();
        assertThat(Terms.of("?!… -- ;")).isEmpty();
    }

    @Test
    void contentWords_keepTheWordsThatCarryMeaningAsWritten() {
        assertThat(Terms.contentWords("How many ships ended up being 'Captured'?")).isEqualTo("ships ended being Captured");
        assertThat(Terms.contentWords("List the name and tonnage of each ship's first_name, ordered by year-end."))
                .isEqualTo("name tonnage ship's first_name ordered year-end");
        assertThat(Terms.contentWords("東京都の店舗の売上は？")).isEqualTo("東京都の店舗の売上は");
        assertThat(Terms.contentWords("Café naïve résumé")).isEqualTo("Café naïve résumé");
    }

    @Test
    void contentWords_fallBackToTheTextWhenOnlyStopWordsAreLeft() {
        assertThat(Terms.contentWords("What is it?")).isEqualTo("What is it?");
        assertThat(Terms.contentWords("")).isEmpty();
        assertThat(Terms.contentWords(null)).isEmpty();
        assertThat(Terms.contentWords("'-- ;")).isEqualTo("'-- ;");
    }
}
