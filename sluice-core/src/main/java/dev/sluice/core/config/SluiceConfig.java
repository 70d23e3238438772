package dev.sluice.core.config;

import static java.util.Objects.requireNonNull;

/**
 * The whole configuration. Sections of the specification that this build does not implement yet
 * are refused by name rather than silently ignored.
 */
public record SluiceConfig(String origin, ServerSettings server) {
    public SluiceConfig {
        requireNonNull(origin, "origin is null");
        requireNonNull(server, "server is null");
    }

    /** No file: the built-in defaults. */
    public static SluiceConfig defaults() {
        return new SluiceConfig("(built-in defaults)", ServerSettings.defaults());
    }

    public SluiceConfig withOrigin(String newOrigin) {
        return new SluiceConfig(newOrigin, server);
    }

    public SluiceConfig withServer(ServerSettings settings) {
        return new SluiceConfig(origin, settings);
    }
}
