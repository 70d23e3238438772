package dev.sluice.sql.source;

/** A validated source configuration, ready to connect. */
public interface SourceDefinition {
    String name();

    String kind();

    SourceSettings settings();

    /** Connects, prepares and pings the engine; throws {@link SourceException} with the reason. */
    Source open();
}
