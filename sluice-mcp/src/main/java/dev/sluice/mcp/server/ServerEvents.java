package dev.sluice.mcp.server;

/** Announces changes to subscribers (list_changed, resources/updated). */
public interface ServerEvents {
    void toolsChanged();

    void promptsChanged();

    void resourcesChanged();

    void resourceUpdated(String uri);
}
