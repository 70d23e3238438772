package dev.sluice.llm.provider;

import java.time.Clock;

/**
 * What the providers that call a model through a vendor SDK (anthropic, openai, bedrock) share:
 * their kind, the configured model and settings, and the clock that times each attempt.
 */
abstract class SdkProvider implements LlmProvider, AutoCloseable {
    private final String kind;
    final LlmSettings settings;
    final Clock clock;

    SdkProvider(String kind, LlmSettings settings, Clock clock) {
        this.kind = kind;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final String model() {
        return settings.model();
    }

    /** Closes the SDK client; each provider does it itself because the SDK clients share no close interface. */
    @Override
    public abstract void close();
}
