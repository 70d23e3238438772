package dev.sluice.sql.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.model.CallToolResult;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.Sources;

import java.util.Optional;

import static dev.sluice.sql.tools.ToolCalls.structured;
import static dev.sluice.sql.tools.ToolCalls.text;

/** The source a tool call names in {@code source} (the default when it names none), and the error when none has that name. */
final class SourceLookup {
    private final Sources sources;

    SourceLookup(Sources sources) {
        this.sources = sources;
    }

    Optional<Source> find(ObjectNode args) {
        String name = text(args, "source");
        return name == null ? Optional.of(sources.defaultSource()) : sources.get(name);
    }

    CallToolResult unknown(ObjectNode args) {
        return structured(ResultJson.error("Unknown source '" + text(args, "source") + "'. Sources: " + String.join(", ", sources.names())));
    }
}
