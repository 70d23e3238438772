package dev.sluice.core.tools;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** What the running server knows about itself, for {@code test_connection}. */
public record ServerFacts(String name, String version, Instant startedAt, String endpoint, boolean stateless,
                          List<String> protocolVersions) {
    public ServerFacts {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endpoint, "endpoint is null");
        protocolVersions = List.copyOf(protocolVersions);
    }
}
