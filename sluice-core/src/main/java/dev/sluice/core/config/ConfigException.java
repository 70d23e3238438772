package dev.sluice.core.config;

/** A configuration mistake, with the file, line and key path already in the message. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
