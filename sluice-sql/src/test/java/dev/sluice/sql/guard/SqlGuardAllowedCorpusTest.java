package dev.sluice.sql.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.sql.source.Dialect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlGuardAllowedCorpusTest {

    private static final List<GuardCorpus.Line> LINES = GuardCorpus.read("/guard/allowed.tsv");

    @Test
    void everyAnalyticalQuery_isAllowedWithTheTablesItReads() {
        List<String> failures = new ArrayList<>();
        for (GuardCorpus.Line line : LINES) {
            GuardVerdict v = SqlGuard.forDialect(line.dialect()).check(line.sql());
            if (!v.allowed()) {
                failures.add(line + "\n    got " + v.rule() + ": " + v.message());
                continue;
            }
            int colon = line.expected().indexOf(':');
            if (colon >= 0) {
                String list = line.expected().substring(colon + 1);
                List<String> expected = list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
                if (!v.tablesRead().equals(expected)) {
                    failures.add(line + "\n    tablesRead " + v.tablesRead() + " but expected " + expected);
                }
            }
        }
        failures.forEach(f -> System.out.println("ALLOWED MISMATCH " + f));
        assertThat(failures).as("allowed lines refused or with wrong tablesRead").isEmpty();
    }

    @Test
    void allowedCorpus_coversBothDialects() {
        assertThat(LINES.stream().filter(l -> l.dialect() == Dialect.DUCKDB)).hasSizeGreaterThanOrEqualTo(40);
        assertThat(LINES.stream().filter(l -> l.dialect() == Dialect.POSTGRES)).hasSizeGreaterThanOrEqualTo(40);
    }
}
