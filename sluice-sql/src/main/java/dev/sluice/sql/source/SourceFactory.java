package dev.sluice.sql.source;

import dev.sluice.core.config.ConfigNode;

/**
 * Makes sources of one kind. {@link #validate} reads and checks the plain configuration without
 * touching the engine (phase one); the definition's {@code open} connects and pings (phase two).
 */
public interface SourceFactory {
    String kind();

    /** Reads {@code config} strictly; the common keys are already read into {@code settings}. */
    SourceDefinition validate(String name, ConfigNode config, SourceSettings settings);
}
