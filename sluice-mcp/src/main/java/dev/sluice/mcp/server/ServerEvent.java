package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import static java.util.Objects.requireNonNull;

/** A change that subscribers may want to hear about, and the notification that announces it. */
public sealed interface ServerEvent {
    /** The notification method, e.g. {@code notifications/tools/list_changed}. */
    String method();

    /** The notification's params (a fresh object the caller may add {@code _meta} to). */
    default ObjectNode params() {
        return Json.object();
    }

    record ToolsChanged() implements ServerEvent {
        @Override
        public String method() {
            return "notifications/tools/list_changed";
        }
    }

    record PromptsChanged() implements ServerEvent {
        @Override
        public String method() {
            return "notifications/prompts/list_changed";
        }
    }

    record ResourcesChanged() implements ServerEvent {
        @Override
        public String method() {
            return "notifications/resources/list_changed";
        }
    }

    record ResourceUpdated(String uri) implements ServerEvent {
        public ResourceUpdated {
            requireNonNull(uri, "uri is null");
        }

        @Override
        public String method() {
            return "notifications/resources/updated";
        }

        @Override
        public ObjectNode params() {
            ObjectNode p = Json.object();
            p.put("uri", uri);
            return p;
        }
    }
}
