package dev.sluice.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.client.McpHttpClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What to measure: the endpoint, headers, protocol revision and the tool call to repeat. */
public record BenchTarget(URI url, Map<String, String> headers, String protocolVersion, String tool, ObjectNode arguments) {
    public BenchTarget {
        requireNonNull(url, "url is null");
        headers = Map.copyOf(headers);
        requireNonNull(protocolVersion, "protocolVersion is null");
    }

    McpHttpClient client(HttpClient shared) {
        McpHttpClient.Builder b = McpHttpClient.builder(url).protocolVersion(protocolVersion)
                .clientInfo("sluice-bench", "1").timeout(Duration.ofSeconds(30));
        if (shared != null) {
            b.httpClient(shared);
        }
        headers.forEach(b::header);
        return b.build();
    }

    /** The tool to call: the one named, or the first listed tool without required arguments. */
    BenchTarget resolveTool(JsonNode toolsList) {
        if (tool != null) {
            return this;
        }
        for (JsonNode t : toolsList.path("tools")) {
            if (t.path("inputSchema").path("required").isEmpty()) {
                return new BenchTarget(url, headers, protocolVersion, t.path("name").asText(), arguments);
            }
        }
        throw new IllegalArgumentException("the server lists no tool that takes no required arguments; pass --tool and --args");
    }
}
