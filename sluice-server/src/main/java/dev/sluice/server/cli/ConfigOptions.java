package dev.sluice.server.cli;

import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.config.SluiceConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --config FILE}, shared by every command that reads configuration. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (default: built-in demo settings)")
    Path config;

    SluiceConfig load() {
        return config == null ? SluiceConfig.defaults() : ConfigLoader.load(config);
    }
}
