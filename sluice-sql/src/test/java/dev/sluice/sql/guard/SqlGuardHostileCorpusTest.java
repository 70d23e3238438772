package dev.sluice.sql.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sql.source.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlGuardHostileCorpusTest {

    private static final List<GuardCorpus.Line> LINES = GuardCorpus.read("/guard/hostile.tsv");

    @Test
    void everyHostileStatement_isRefusedWithItsExpectedRule() {
        List<String> failures = new ArrayList<>();
        for (GuardCorpus.Line line : LINES) {
            GuardVerdict v = SqlGuard.forDialect(line.dialect()).check(line.sql());
            if (v.allowed() || !v.rule().equals(line.expected())) {
                failures.add(line + "\n    got " + v.rule() + ": " + v.message());
            }
        }
        failures.forEach(f -> System.out.println("HOSTILE MISMATCH " + f));
        assertThat(failures).as("hostile lines not refused with the expected rule").isEmpty();
    }

    @Test
    void hostileCorpus_coversBothDialectsAndEveryRefusingRule() {
        assertThat(LINES.stream().filter(l -> l.dialect() == Dialect.DUCKDB)).hasSizeGreaterThanOrEqualTo(150);
        assertThat(LINES.stream().filter(l -> l.dialect() == Dialect.POSTGRES)).hasSizeGreaterThanOrEqualTo(150);
        for (GuardRule rule : GuardRule.values()) {
            if (rule != GuardRule.ALLOWED) {
                assertThat(LINES).as("a hostile line for " + rule.wireName())
                        .anyMatch(l -> l.expected().equals(rule.wireName()));
            }
        }
    }

    @Test
    void refusals_neverReportTablesRead() {
        for (GuardCorpus.Line line : LINES) {
            assertThat(SqlGuard.forDialect(line.dialect()).check(line.sql()).tablesRead()).as(line.toString()).isEmpty();
        }
    }
}
