package dev.sluice.mcp.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceTemplateTest {
    private final ResourceTemplate template = new ResourceTemplate("test://template/{id}/data", "data", null, "text/plain");

    @Test
    void match_extractsVariable() {
        assertThat(template.match("test://template/42/data")).contains(Map.of("id", "42"));
        assertThat(template.match("test://template/abc-def/data")).contains(Map.of("id", "abc-def"));
    }

    @Test
    void match_rejectsOtherUris() {
        assertThat(template.match("test://template/42/other")).isEmpty();
        assertThat(template.match("test://template//data")).isEmpty();
        assertThat(template.match("test://template/42/data/extra")).isEmpty();
        assertThat(template.match("prefix-test://template/42/data")).isEmpty();
    }

    @Test
    void match_letsAVariableSpanOnlyOneSegment() {
        assertThat(template.match("test://template/a/b/data")).isEmpty();
        assertThat(template.match("test://template/a?b/data")).isEmpty();
        assertThat(template.match("test://template/a#b/data")).isEmpty();
    }

    @Test
    void match_treatsLiteralPartsLiterally() {
        ResourceTemplate dotted = new ResourceTemplate("file:///logs/{name}.txt", "logs", null, null);
        assertThat(dotted.match("file:///logs/app.txt")).contains(Map.of("name", "app"));
        assertThat(dotted.match("file:///logs/appXtxt")).isEmpty();
    }

    @Test
    void match_readsSeveralVariablesInOrder() {
        ResourceTemplate two = new ResourceTemplate("db://{schema}/{table}", "tables", null, null);
        assertThat(two.match("db://sales/orders")).hasValueSatisfying(vars -> {
            assertThat(vars).containsExactly(Map.entry("schema", "sales"), Map.entry("table", "orders"));
        });
    }

    @Test
    void toJson_writesTemplateFields() {
        assertThat(template.toJson().toString())
                .isEqualTo("{\"uriTemplate\":\"test://template/{id}/data\",\"name\":\"data\",\"mimeType\":\"text/plain\"}");
    }
}
