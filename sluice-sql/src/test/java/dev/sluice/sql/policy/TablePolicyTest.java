package dev.sluice.sql.policy;

import dev.sluice.sql.source.SourceSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TablePolicyTest {
    private static TablePolicy policy(List<String> allow, List<String> deny) {
        return new TablePolicy(new SourceSettings(true, false, 100, Duration.ofSeconds(1), 1, 1, allow, deny, Map.of()));
    }

    @Test
    void noLists_permitsEverything() {
        assertThat(policy(List.of(), List.of()).permits("anything")).isTrue();
    }

    @Test
    void denyWins_andMatchesQualifiedOrBareNames() {
        TablePolicy p = policy(List.of("analytics.*"), List.of("*.payroll", "secrets"));
        assertThat(p.permits("analytics.orders")).isTrue();
        assertThat(p.permits("ANALYTICS.Orders")).isTrue();
        assertThat(p.permits("analytics.payroll")).isFalse();
        assertThat(p.permits("main.secrets")).isFalse();
        assertThat(p.permits("main.customers")).isFalse();
        assertThat(p.permits("\"analytics\".\"orders\"")).isTrue();
    }
}
