package dev.sluice.sql.jdbc;

import dev.sluice.core.config.ConfigLoader;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cancellation that arrives before the engine started the query still stops it (DuckDB ignores a cancel before execution). */
class EarlyCancellationTest {
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void queryCancelledBeforeItStarted_stopsInsteadOfRunningToTheEnd() {
        String yaml = "sources:\n  mem:\n    kind: duckdb\n    path: \":memory:\"\n    timeout: 10m\n";
        try (Sources sources = Sources.open(Sources.validate(ConfigLoader.parse("t.yaml", yaml, Map.of()).sources(), SourceKinds.builtIn()))) {
            Source source = sources.defaultSource();
            Cancellation cancelled = new Cancellation();
            cancelled.cancel("the client went away");
            assertThatThrownBy(() -> {
                try (QueryCursor cursor = source.execute("SELECT count(*) FROM range(1000000000000) a", List.of(), Duration.ofMinutes(10),
                        cancelled)) {
                    cursor.next();
                }
            }).isInstanceOf(SourceException.class).hasMessageContaining("cancelled");
        }
    }
}
