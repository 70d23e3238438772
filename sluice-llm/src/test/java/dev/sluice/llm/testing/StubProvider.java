package dev.sluice.llm.testing;

import dev.sluice.llm.provider.LlmProvider;

/** Base for hand-written providers in tests: kind {@code test}, model {@code m}; only {@link #complete} varies. */
public abstract class StubProvider implements LlmProvider {
    @Override
    public String kind() {
        return "test";
    }

    @Override
    public String model() {
        return "m";
    }
}
