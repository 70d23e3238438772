package dev.sluice.mcp.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.Json;

import static java.util.Objects.requireNonNull;

/** A content block of a tool result or prompt message. */
public sealed interface Content {
    ObjectNode toJson();

    static Text text(String text) {
        return new Text(text);
    }

    record Text(String text) implements Content {
        public Text {
            requireNonNull(text, "text is null");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("type", "text");
            n.put("text", text);
            return n;
        }
    }

    /** Base64 image data. */
    record Image(String data, String mimeType) implements Content {
        public Image {
            requireNonNull(data, "data is null");
            requireNonNull(mimeType, "mimeType is null");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("type", "image");
            n.put("data", data);
            n.put("mimeType", mimeType);
            return n;
        }
    }

    /** Base64 audio data. */
    record Audio(String data, String mimeType) implements Content {
        public Audio {
            requireNonNull(data, "data is null");
            requireNonNull(mimeType, "mimeType is null");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("type", "audio");
            n.put("data", data);
            n.put("mimeType", mimeType);
            return n;
        }
    }

    record EmbeddedResource(ResourceContents resource) implements Content {
        public EmbeddedResource {
            requireNonNull(resource, "resource is null");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("type", "resource");
            n.set("resource", resource.toJson());
            return n;
        }
    }

    record ResourceLink(String uri, String name, String description, String mimeType) implements Content {
        public ResourceLink {
            requireNonNull(uri, "uri is null");
            requireNonNull(name, "name is null");
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("type", "resource_link");
            n.put("uri", uri);
            n.put("name", name);
            if (description != null) {
                n.put("description", description);
            }
            if (mimeType != null) {
                n.put("mimeType", mimeType);
            }
            return n;
        }
    }

    /** Escape hatch for content kinds this model does not name yet; must carry a "type". */
    record Raw(ObjectNode json) implements Content {
        public Raw {
            requireNonNull(json, "json is null");
            JsonNode type = json.get("type");
            if (type == null || !type.isTextual()) {
                throw new IllegalArgumentException("raw content needs a string \"type\"");
            }
        }

        @Override
        public ObjectNode toJson() {
            return json.deepCopy();
        }
    }
}
