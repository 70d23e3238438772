package dev.sluice.audit;

import dev.sluice.core.config.ConfigException;
import dev.sluice.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditSettingsTest {
    private static AuditSettings read(String yaml) {
        return AuditSettings.read(ConfigLoader.parse("a.yaml", yaml, Map.of()).audit());
    }

    @Test
    void noSection_givesEveryDefault() {
        AuditSettings s = read("server: { port: 8080 }\n");

        assertThat(s).isEqualTo(AuditSettings.defaults());
        assertThat(s.store()).isEqualTo("sluice-audit.db");
        assertThat(s.sync()).isEqualTo(SyncMode.NORMAL);
        assertThat(s.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(s.stdout()).isFalse();
        assertThat(s.maxArgumentBytes()).isEqualTo(65_536);
        assertThat(s.user()).isNull();
        assertThat(s.password()).isNull();
        assertThat(s.isPostgres()).isFalse();
    }

    @Test
    void everyKey_isRead() {
        AuditSettings s = read("audit:\n  store: ./data/a.db\n  sync: full\n  retention: 30d\n  stdout: true\n"
                + "  max_argument_bytes: 4096\n");

        assertThat(s).isEqualTo(new AuditSettings("./data/a.db", null, null, SyncMode.FULL, Duration.ofDays(30), true, 4096));
    }

    @Test
    void postgresStore_takesUserAndPassword_andHidesThePassword() {
        AuditSettings s = read("audit: { store: 'jdbc:postgresql://db:5432/audit', user: sluice, password: s3cret }\n");

        assertThat(s.isPostgres()).isTrue();
        assertThat(s.user()).isEqualTo("sluice");
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void retentionZero_keepsForever() {
        assertThat(read("audit: { retention: 0 }\n").keepsForever()).isTrue();
        assertThat(read("audit: { retention: '0' }\n").retention()).isZero();
        assertThat(read("audit: { retention: 12h }\n").retention()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void unknownKeys_areErrorsWithFileAndLine() {
        assertThatThrownBy(() -> read("audit:\n  store: a.db\n  stroe: b.db\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("a.yaml:3: audit.stroe: unknown key");
    }

    @Test
    void badValues_areErrorsThatSayWhatIsAllowed() {
        assertThatThrownBy(() -> read("audit: { sync: sometimes }\n"))
                .hasMessage("a.yaml:1: audit.sync: must be normal or full, got 'sometimes'");
        assertThatThrownBy(() -> read("audit: { store: 'jdbc:mysql://x/y' }\n"))
                .hasMessageContaining("audit.store: only jdbc:postgresql:// URLs are supported");
        assertThatThrownBy(() -> read("audit: { store: ':memory:' }\n"))
                .hasMessageContaining("audit.store: must be a file");
        assertThatThrownBy(() -> read("audit: { store: a.db, password: x }\n"))
                .hasMessageContaining("audit.password: applies only to a jdbc:postgresql:// store");
        assertThatThrownBy(() -> read("audit: { store: 'jdbc:postgresql://x/y', sync: full }\n"))
                .hasMessageContaining("audit.sync: applies only to the embedded SQLite store");
        assertThatThrownBy(() -> read("audit: { retention: forever }\n"))
                .hasMessageContaining("audit.retention: must be a duration");
        assertThatThrownBy(() -> read("audit: { max_argument_bytes: 10 }\n"))
                .hasMessageContaining("audit.max_argument_bytes: must be between 1024 and 16777216, got 10");
        assertThatThrownBy(() -> read("audit: { stdout: maybe }\n"))
                .hasMessageContaining("audit.stdout: must be true or false");
    }
}
