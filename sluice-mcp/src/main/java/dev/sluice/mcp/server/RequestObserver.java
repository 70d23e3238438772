package dev.sluice.mcp.server;

/** Told about every request the server served, for metrics; must be quick and must not throw. */
@FunctionalInterface
public interface RequestObserver {
    /** {@code outcome} is "ok", "error" (a JSON-RPC error) or "input_required". */
    void served(String method, long nanos, String outcome);
}
