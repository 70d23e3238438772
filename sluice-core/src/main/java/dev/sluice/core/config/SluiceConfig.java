package dev.sluice.core.config;

import static java.util.Objects.requireNonNull;

/**
 * The whole configuration. Sections other than {@code server} stay as strict config nodes: the
 * module that owns each one (data plane, security, audit, LLM) reads it with its own reader, so
 * mistakes still name file, line and key. Sections of the specification that this build does not
 * implement yet are refused by {@link ConfigLoader}.
 */
public record SluiceConfig(String origin, ServerSettings server, ConfigNode sources, ConfigNode tools,
                           ConfigNode auth, ConfigNode audit, ConfigNode llm) {
    public SluiceConfig {
        requireNonNull(origin, "origin is null");
        requireNonNull(server, "server is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(tools, "tools is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(audit, "audit is null");
        requireNonNull(llm, "llm is null");
    }

    /** No file: the built-in defaults (the demo lake as the only source). */
    public static SluiceConfig defaults() {
        return new SluiceConfig("(built-in defaults)", ServerSettings.defaults(), ConfigNode.empty("sources"), ConfigNode.empty("tools"),
                ConfigNode.empty("auth"), ConfigNode.empty("audit"), ConfigNode.empty("llm"));
    }

    public SluiceConfig withOrigin(String newOrigin) {
        return new SluiceConfig(newOrigin, server, sources, tools, auth, audit, llm);
    }

    public SluiceConfig withServer(ServerSettings settings) {
        return new SluiceConfig(origin, settings, sources, tools, auth, audit, llm);
    }
}
