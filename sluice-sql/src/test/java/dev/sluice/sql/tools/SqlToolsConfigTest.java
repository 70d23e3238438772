package dev.sluice.sql.tools;

import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.config.ConfigNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlToolsConfigTest {
    private static ConfigNode tools(String yaml) {
        return ConfigLoader.parse("t.yaml", yaml, Map.of()).tools();
    }

    @Test
    void read_bindsNamedPlaceholders_skippingLiteralsCommentsAndCasts() {
        List<SqlToolDefinition> defs = SqlToolsConfig.read(tools("""
                tools:
                  top_customers:
                    source: lake
                    description: Top customers of a country
                    statement: "SELECT name, ':not_a_param' AS s, total::int FROM c WHERE country = :country -- :ignored\\n LIMIT :limit"
                    parameters:
                      - {name: country, type: string, description: ISO code}
                      - {name: limit, type: integer, default: 10}
                """), List.of("lake"));
        SqlToolDefinition d = defs.get(0);
        assertThat(d.boundStatement()).isEqualTo("SELECT name, ':not_a_param' AS s, total::int FROM c WHERE country = ? -- :ignored\n LIMIT ?");
        assertThat(d.bindOrder()).containsExactly("country", "limit");
        assertThat(d.parameters().get(0).required()).isTrue();
        assertThat(d.parameters().get(1).required()).isFalse();
        assertThat(d.parameters().get(1).defaultValue()).isEqualTo(10L);
        assertThat(SqlTools.inputSchema(d).toString()).contains("\"required\":[\"country\"]", "\"additionalProperties\":false");
    }

    @Test
    void read_rejectsMistakesWithFileLineAndKey() {
        assertThatThrownBy(() -> SqlToolsConfig.read(tools("tools:\n  t:\n    source: nope\n    description: d\n    statement: SELECT 1\n"),
                List.of("lake"))).hasMessage("t.yaml:3: tools.t.source: unknown source 'nope'; sources: lake");
        assertThatThrownBy(() -> SqlToolsConfig.read(tools("tools:\n  t:\n    description: d\n    statement: SELECT :x\n"),
                List.of("lake"))).hasMessage("t.yaml:4: tools.t.statement: uses :x but no parameter of that name is declared");
        assertThatThrownBy(() -> SqlToolsConfig.read(tools("tools:\n  t:\n    statement: SELECT 1\n"), List.of()))
                .hasMessageContaining("tools.t.description: is required");
        assertThatThrownBy(() -> SqlToolsConfig.read(tools("tools:\n  t:\n    description: d\n    statement: SELECT 1\n    parameters:\n      - {name: a, type: date}\n"),
                List.of())).hasMessageContaining("must be one of string, integer, number, boolean, got 'date'");
        assertThatThrownBy(() -> SqlToolsConfig.read(tools("tools:\n  t:\n    description: d\n    statement: SELECT 1\n    sql: x\n"),
                List.of())).hasMessageContaining("tools.t.sql: unknown key");
    }
}
