package dev.sluice.llm.eval;

import dev.sluice.llm.provider.LlmProvider;
import dev.sluice.llm.provider.LlmRequest;
import dev.sluice.llm.provider.LlmResponse;

import java.time.Clock;
import java.time.Duration;

/** Passes calls to a provider and adds up the time spent waiting for it (single-threaded use). */
final class TimedProvider implements LlmProvider {
    private final LlmProvider delegate;
    private final Clock clock;
    private Duration spent = Duration.ZERO;

    TimedProvider(LlmProvider delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        var start = clock.instant();
        try {
            return delegate.complete(request);
        } finally {
            spent = spent.plus(Duration.between(start, clock.instant()));
        }
    }

    @Override
    public String kind() {
        return delegate.kind();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public boolean available() {
        return delegate.available();
    }

    LlmProvider delegate() {
        return delegate;
    }

    /** The time spent in the model since the last call, and starts counting again. */
    Duration takeSpent() {
        Duration d = spent;
        spent = Duration.ZERO;
        return d;
    }
}
