package dev.sluice.llm.sql;

import dev.sluice.llm.provider.LlmProviders;
import dev.sluice.llm.testing.FakeOpenAi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base for tests that ask a {@link FakeOpenAi} through real providers: a fresh server and providers per test. */
abstract class FakeOpenAiTest {
    FakeOpenAi llm;
    LlmProviders providers;

    @BeforeEach
    void startLlm() throws Exception {
        llm = new FakeOpenAi();
        providers = llm.providers();
    }

    @AfterEach
    void stopLlm() {
        providers.close();
        llm.close();
    }
}
