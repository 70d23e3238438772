package dev.sluice.sql.source;

/** A validated source configuration, ready to connect. */
public interface SourceDefinition {
    String name();

    String kind();

    /** The SQL dialect the source will speak, known before it connects (so its guard can be used without it). */
    Dialect dialect();

    SourceSettings settings();

    /** Connects, prepares and pings the engine; throws {@link SourceException} with the reason. */
    Source open();
}
