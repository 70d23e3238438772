package dev.sluice.mcp.server;

import java.util.Locale;

/** RFC 5424 severities as MCP names them, least severe first. */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; returns null for anything else. */
    public static LogLevel fromWire(String name) {
        if (name == null) {
            return null;
        }
        for (LogLevel level : values()) {
            if (level.wireName().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
