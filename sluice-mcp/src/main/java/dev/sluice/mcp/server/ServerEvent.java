package dev.sluice.mcp.server;

import static java.util.Objects.requireNonNull;

/** A change that subscribers may want to hear about. */
public sealed interface ServerEvent {
    record ToolsChanged() implements ServerEvent {
    }

    record PromptsChanged() implements ServerEvent {
    }

    record ResourcesChanged() implements ServerEvent {
    }

    record ResourceUpdated(String uri) implements ServerEvent {
        public ResourceUpdated {
            requireNonNull(uri, "uri is null");
        }
    }
}
