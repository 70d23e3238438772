package dev.sluice.server;

import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.config.SluiceConfig;
import dev.sluice.llm.provider.LlmSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text-to-SQL keys the server factory reads next to the llm section's provider keys. */
class TextToSqlConfigTest {
    private static SluiceConfig config(String yaml) {
        return ConfigLoader.parse("s.yaml", yaml, Map.of());
    }

    @Test
    void clarifyingQuestions_areOnByDefault() {
        assertThat(SluiceServerFactory.textToSql(config(""), Clock.systemUTC()).settings().clarifyingQuestions()).isTrue();
        assertThat(SluiceServerFactory.textToSql(config("llm: { provider: sampling, retrieval: lexical }"), Clock.systemUTC())
                .settings().clarifyingQuestions()).isTrue();
    }

    @Test
    void clarifyingQuestions_false_turnsThemOff_andIsAKnownLlmKey() {
        SluiceConfig c = config("llm:\n  provider: sampling\n  retrieval: lexical\n  clarifying_questions: false\n");
        assertThat(SluiceServerFactory.textToSql(c, Clock.systemUTC()).settings().clarifyingQuestions()).isFalse();
        // the factory reads the pipeline keys first; the provider settings then accept the section
        assertThat(LlmSettings.read(c.llm()).provider().wireName()).isEqualTo("sampling");
    }

    @Test
    void clarifyingQuestions_notABoolean_failsWithItsPath() {
        assertThatThrownBy(() -> SluiceServerFactory.textToSql(config("llm:\n  provider: sampling\n  clarifying_questions: sometimes\n"),
                Clock.systemUTC())).hasMessage("s.yaml:3: llm.clarifying_questions: must be true or false, got 'sometimes'");
    }
}
