package dev.sluice.llm.provider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for the tests that point a real SDK provider at a {@link MockLlmServer}: a fresh server per
 * test, fake time so retries never really wait, and the providers closed after each test.
 */
abstract class MockServerProviderTest {
    MockLlmServer server;
    final FakeTime time = new FakeTime();
    LlmProviders providers;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockLlmServer();
    }

    @AfterEach
    void stopServer() {
        if (providers != null) {
            providers.close();
        }
        server.close();
    }

    /** The provider for one call under the settings in {@code yaml}; jitter is always the midpoint. */
    LlmProvider providerFor(String yaml) {
        providers = LlmProviders.create(Settings.yaml(yaml), time, time, () -> 0.5);
        return providers.forCall(null);
    }
}
