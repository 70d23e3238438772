package dev.sluice.core.config;

import static java.util.Objects.requireNonNull;

/**
 * The whole configuration. {@code sources} and {@code tools} stay as strict config nodes: the
 * data plane reads them with the factory of each source kind, so mistakes still name file, line
 * and key. Sections of the specification that this build does not implement yet are refused.
 */
public record SluiceConfig(String origin, ServerSettings server, ConfigNode sources, ConfigNode tools) {
    public SluiceConfig {
        requireNonNull(origin, "origin is null");
        requireNonNull(server, "server is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(tools, "tools is null");
    }

    /** No file: the built-in defaults (the demo lake as the only source). */
    public static SluiceConfig defaults() {
        return new SluiceConfig("(built-in defaults)", ServerSettings.defaults(), ConfigNode.empty("sources"), ConfigNode.empty("tools"));
    }

    public SluiceConfig withOrigin(String newOrigin) {
        return new SluiceConfig(newOrigin, server, sources, tools);
    }

    public SluiceConfig withServer(ServerSettings settings) {
        return new SluiceConfig(origin, settings, sources, tools);
    }
}
