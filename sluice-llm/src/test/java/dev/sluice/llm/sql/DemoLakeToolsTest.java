package dev.sluice.llm.sql;

import dev.sluice.core.config.ConfigNode;
import dev.sluice.sql.result.ResultStore;
import dev.sluice.sql.result.ResultStoreConfig;
import dev.sluice.sql.source.SourceKinds;
import dev.sluice.sql.source.Sources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Tool tests on the built-in demo lake with the scripted OpenAI-compatible server: the demo
 * source, a result store in a temporary folder and the default pipeline, opened once per class.
 */
abstract class DemoLakeToolsTest extends FakeOpenAiTest {
    @TempDir
    static Path dir;
    static Sources sources;
    static ResultStore store;
    static TextToSql pipeline;

    @BeforeAll
    static void openDemo() {
        sources = Sources.open(Sources.validate(ConfigNode.empty("sources"), SourceKinds.builtIn()));
        store = new ResultStore(new ResultStoreConfig(dir.resolve("results"), 16L << 20, 1L << 20, 64L << 20, Duration.ofHours(1), 100),
                Clock.systemUTC());
        pipeline = new TextToSql(Clock.systemUTC(), VerifiedExamples.none(), TextToSqlSettings.DEFAULTS, null);
    }

    @AfterAll
    static void closeDemo() {
        store.close();
        sources.close();
    }
}
