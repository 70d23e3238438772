package dev.sluice.llm.provider;

import dev.sluice.core.config.ConfigLoader;

import java.util.Map;

/** Reads an {@code llm:} section the way the server does, from YAML text. */
final class Settings {
    private Settings() {
    }

    static LlmSettings yaml(String yaml) {
        return LlmSettings.read(ConfigLoader.parse("l.yaml", yaml, Map.of()).llm());
    }
}
