package dev.sluice.sql.jdbc;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimestampsTest {
    @Test
    void writesExactlyWhatIsoLocalDateTimeWrites() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime t = LocalDateTime.of(random.nextInt(0, 10000), random.nextInt(1, 13), random.nextInt(1, 29),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    switch (i % 4) { case 0 -> 0; case 1 -> random.nextInt(1000) * 1_000_000; case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000); });
            assertThat(IsoTimestamps.format(t)).isEqualTo(t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        }
        LocalDateTime far = LocalDateTime.of(12026, 1, 1, 0, 0);
        assertThat(IsoTimestamps.format(far)).isEqualTo(far.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }
}
