package dev.sluice.sql.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResultStoreConfigTest {
    private static final Path DIR = Path.of("spill");

    @Test
    void defaults_arePinned() {
        assertThat(ResultStoreConfig.defaults(DIR)).isEqualTo(
                new ResultStoreConfig(DIR, 64L << 20, 8L << 20, 1L << 30, Duration.ofHours(1), 1000));
    }

    @Test
    void invalidLimits_failWithTheirNames() {
        assertThatThrownBy(() -> new ResultStoreConfig(DIR, -1, 0, 1, Duration.ofMinutes(1), 1))
                .hasMessage("memory_budget_bytes must be 0 or more, got -1");
        assertThatThrownBy(() -> new ResultStoreConfig(DIR, 0, -1, 1, Duration.ofMinutes(1), 1))
                .hasMessage("spill_threshold_bytes must be 0 or more, got -1");
        assertThatThrownBy(() -> new ResultStoreConfig(DIR, 0, 0, 0, Duration.ofMinutes(1), 1))
                .hasMessage("max_result_bytes must be at least 1, got 0");
        assertThatThrownBy(() -> new ResultStoreConfig(DIR, 0, 0, 1, Duration.ZERO, 1))
                .hasMessage("max_age must be positive, got PT0S");
        assertThatThrownBy(() -> new ResultStoreConfig(DIR, 0, 0, 1, Duration.ofMinutes(1), 0))
                .hasMessage("max_results must be at least 1, got 0");
        assertThatThrownBy(() -> new ResultStoreConfig(null, 0, 0, 1, Duration.ofMinutes(1), 1))
                .hasMessage("spillDirectory is null");
    }
}
