package dev.sluice.sql.source;

import dev.sluice.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcesConfigTest {
    private static List<SourceDefinition> validate(String yaml) {
        return Sources.validate(ConfigLoader.parse("s.yaml", yaml, Map.of()).sources(), SourceKinds.builtIn());
    }

    @Test
    void noSources_meansTheDemoLake() {
        List<SourceDefinition> defs = Sources.validate(ConfigLoader.parse("s.yaml", "", Map.of()).sources(), SourceKinds.builtIn());
        assertThat(defs).hasSize(1);
        assertThat(defs.get(0).name()).isEqualTo("demo");
        assertThat(defs.get(0).kind()).isEqualTo("duckdb");
        assertThat(defs.get(0).dialect()).isEqualTo(Dialect.DUCKDB);
        assertThat(defs.get(0).settings().isDefault()).isTrue();
    }

    @Test
    void readsCommonSettingsAndPolicy() {
        List<SourceDefinition> defs = validate("""
                sources:
                  lake:
                    kind: duckdb
                    path: ":memory:"
                    default: true
                    max_rows: 50
                    timeout: 5s
                    max_concurrent_queries: 2
                    policy:
                      allow_tables: [analytics.*]
                      deny_tables: [analytics.payroll]
                      mask_columns: {email: hash}
                  warehouse:
                    kind: postgres
                    url: jdbc:postgresql://127.0.0.1:5432/app
                    user: reader
                    password: secret
                """);
        SourceSettings s = defs.get(0).settings();
        assertThat(s.isDefault()).isTrue();
        assertThat(s.maxRows()).isEqualTo(50);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.maxConcurrentQueries()).isEqualTo(2);
        assertThat(s.allowTables()).containsExactly("analytics.*");
        assertThat(s.masks()).isEqualTo(Map.of("email", "hash"));
        assertThat(defs.get(1).kind()).isEqualTo("postgres");
        assertThat(defs.get(1).dialect()).as("known before connecting").isEqualTo(Dialect.POSTGRES);
    }

    @Test
    void mistakes_nameFileLineAndKey() {
        assertThatThrownBy(() -> validate("sources:\n  lake:\n    kind: oracle\n"))
                .hasMessage("s.yaml:3: sources.lake.kind: unknown kind 'oracle'; one of duckdb, postgres");
        assertThatThrownBy(() -> validate("sources:\n  lake:\n    kind: duckdb\n    path: ./nope.duckdb\n"))
                .hasMessage("s.yaml:4: sources.lake.path: file does not exist: ./nope.duckdb");
        assertThatThrownBy(() -> validate("sources:\n  lake:\n    kind: duckdb\n    path: demo\n    max_rows: 0\n"))
                .hasMessage("s.yaml:5: sources.lake.max_rows: must be between 1 and 10000, got 0");
        assertThatThrownBy(() -> validate("sources:\n  lake:\n    kind: duckdb\n    path: demo\n    colour: blue\n"))
                .hasMessageStartingWith("s.yaml:5: sources.lake.colour: unknown key");
        assertThatThrownBy(() -> validate("sources:\n  pg:\n    kind: postgres\n    url: mysql://x\n"))
                .hasMessageContaining("sources.pg.url: is required and must start with jdbc:postgresql://");
        assertThatThrownBy(() -> validate("sources:\n  lake:\n    kind: duckdb\n    path: demo\n    policy:\n      mask_columns: {email: blur}\n"))
                .hasMessageContaining("sources.lake.policy.mask_columns.email: must be redact or hash, got 'blur'");
        assertThatThrownBy(() -> validate("sources:\n  lake:\n    kind: duckdb\n    path: pom.xml\n    files: {x: \"./a.csv\"}\n"))
                .hasMessageContaining("sources.lake.files: views over files need a database they can be created in");
        assertThatThrownBy(() -> validate("sources:\n  a:\n    kind: duckdb\n    path: demo\n    default: true\n  b:\n    kind: duckdb\n    path: demo\n    default: true\n"))
                .hasMessageContaining("sources.b.default: only one source may be the default");
    }
}
