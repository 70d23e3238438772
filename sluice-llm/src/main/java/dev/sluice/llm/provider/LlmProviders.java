package dev.sluice.llm.provider;

import dev.sluice.mcp.server.Caller;
import dev.sluice.mcp.server.RequestContext;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import static java.util.Objects.requireNonNull;

/**
 * The configured LLM, per call. HTTP kinds (anthropic, openai, bedrock) are built once at start-up
 * and shared; sampling is bound to the MCP request being served, so tools ask
 * {@link #forCall(RequestContext)} each time rather than keep a provider.
 *
 * <pre>{@code
 * LlmProvider llm = providers.forCall(ctx);
 * if (!llm.available()) { ... answer with schema context instead ... }
 * LlmResponse r = llm.complete(LlmRequest.of("sql", system, question));   // may throw InputRequired: let it go
 * }</pre>
 */
public final class LlmProviders implements AutoCloseable {
    private final LlmSettings settings;
    private final Clock clock;
    private final LlmProvider remote;
    private final AutoCloseable closer;

    private LlmProviders(LlmSettings settings, Clock clock, LlmProvider remote, AutoCloseable closer) {
        this.settings = settings;
        this.clock = clock;
        this.remote = remote;
        this.closer = closer;
    }

    /** Real time, real sleeps, random jitter. */
    public static LlmProviders create(LlmSettings settings) {
        return create(settings, Clock.systemUTC(), Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Builds the clients for HTTP kinds (no network traffic yet).
     *
     * @throws LlmException NOT_CONFIGURED when bedrock finds no AWS region
     */
    public static LlmProviders create(LlmSettings settings, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        requireNonNull(settings, "settings is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(random, "random is null");
        LlmProvider attempt = switch (settings.provider()) {
            case ANTHROPIC -> new AnthropicProvider(settings, clock);
            case OPENAI -> new OpenAiProvider(settings, clock);
            case BEDROCK -> new BedrockProvider(settings, clock);
            case SAMPLING, NONE, AUTO -> null;
        };
        if (attempt == null) {
            return new LlmProviders(settings, clock, null, () -> { });
        }
        return new LlmProviders(settings, clock, new RetryingProvider(attempt, RetryPolicy.from(settings), clock, sleeper, random),
                (AutoCloseable) attempt);
    }

    public LlmSettings settings() {
        return settings;
    }

    /**
     * The provider for one call: the configured HTTP provider; the client's model (sampling) when
     * configured or by default and the caller declared {@code sampling}; otherwise a
     * {@link NoneProvider} that says why. {@code context} may be null outside MCP requests (CLI,
     * evaluation), where sampling is impossible.
     */
    public LlmProvider forCall(RequestContext context) {
        if (remote != null) {
            return remote;
        }
        Caller caller = context == null ? null : context.caller();
        boolean canSample = caller != null && caller.supports("sampling");
        return switch (settings.provider()) {
            case SAMPLING -> canSample ? new SamplingProvider(context, settings, clock) : new NoneProvider(
                    "llm.provider is sampling but this client did not declare the sampling capability; use a client that "
                            + "supports sampling, or set llm.provider to anthropic, openai or bedrock");
            case AUTO -> canSample ? new SamplingProvider(context, settings, clock) : new NoneProvider(
                    "there is no llm section in the configuration and this client does not offer sampling; write the SQL "
                            + "yourself from the schema given, or configure llm.provider (anthropic, openai, bedrock)");
            case NONE -> new NoneProvider("llm.provider is none; write the SQL yourself from the schema given");
            default -> throw new IllegalStateException("no client for " + settings.provider());
        };
    }

    /** One line for test_connection: which model answers for this caller. Never shows secrets. */
    public String describe(Caller caller) {
        LlmProvider p = remote;
        if (p == null) {
            boolean canSample = caller != null && caller.supports("sampling");
            return switch (settings.provider()) {
                case SAMPLING, AUTO -> canSample ? "sampling (the client's own model)"
                        : "none (" + settings.provider().wireName() + ": this client does not offer sampling)";
                default -> "none";
            };
        }
        return p.kind() + " (" + p.model() + (settings.baseUrl() != null ? " at " + settings.baseUrl() : "") + ")";
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            // closing HTTP clients only releases connections; nothing to report
        }
    }
}
