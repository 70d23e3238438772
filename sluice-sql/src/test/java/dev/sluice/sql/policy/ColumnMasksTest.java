package dev.sluice.sql.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.sql.source.ColumnMeta;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnMasksTest {
    @Test
    void redactsAndHashesByColumnLabel_caseInsensitive_andLeavesNullsAlone() {
        ColumnMasks masks = new ColumnMasks(Map.of("email", "hash", "customers.phone", "redact"));
        List<ColumnMeta> columns = List.of(new ColumnMeta("id", "INTEGER"), new ColumnMeta("EMAIL", "VARCHAR"),
                new ColumnMeta("phone", "VARCHAR"));
        String[] plan = masks.plan(columns);
        JsonNode[] row = {IntNode.valueOf(1), TextNode.valueOf("a@example.com"), TextNode.valueOf("+81 3 1234")};
        ColumnMasks.apply(plan, row);
        assertThat(row[0]).isEqualTo(IntNode.valueOf(1));
        assertThat(row[1].asText()).startsWith("sha256:").hasSize(23).isEqualTo(ColumnMasks.hash("a@example.com"));
        assertThat(row[2]).isEqualTo(ColumnMasks.REDACTED);
        JsonNode[] nulls = {IntNode.valueOf(2), NullNode.instance, NullNode.instance};
        ColumnMasks.apply(plan, nulls);
        assertThat(nulls[1].isNull()).isTrue();
    }
}
