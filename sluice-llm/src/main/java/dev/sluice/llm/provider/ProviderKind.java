package dev.sluice.llm.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The values of {@code llm.provider}. {@code auto} (also what an absent section means): sampling if the client offers it, else none. */
public enum ProviderKind {
    ANTHROPIC, OPENAI, BEDROCK, SAMPLING, NONE, AUTO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProviderKind> of(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(wireName)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(ProviderKind::wireName).collect(Collectors.joining(", "));
    }

    /** True for the kinds that call an HTTP API directly (and so take timeouts, retries and credentials). */
    boolean remote() {
        return this == ANTHROPIC || this == OPENAI || this == BEDROCK;
    }
}
