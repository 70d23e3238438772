package dev.sluice.mcp.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small typed map that travels with one request: a tool puts facts here (the SQL it ran, the
 * guard's verdict) and a {@link ToolInterceptor} reads them after the call, without either knowing
 * the other's classes beyond the key type.
 */
public final class Attributes {
    private volatile Map<Class<?>, Object> values;

    public <T> T get(Class<T> type) {
        Map<Class<?>, Object> map = values;
        return map == null ? null : type.cast(map.get(type));
    }

    public synchronized <T> void put(Class<T> type, T value) {
        if (values == null) {
            values = new ConcurrentHashMap<>();
        }
        values.put(type, value);
    }
}
