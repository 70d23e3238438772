package dev.sluice.sql.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.sql.source.ColumnMeta;
import dev.sluice.sql.source.RowSink;
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

    @Test
    void theMaskingSink_masksTypedValuesAsApplyMasksTheirJson_andPassesOtherColumnsThroughTyped() {
        List<Object> values = java.util.Arrays.asList("a@example.com", 42L, 7, new java.math.BigDecimal("10.50"), 2.5, Double.NaN,
                java.time.LocalDate.of(2026, 1, 2), java.time.LocalDateTime.of(2026, 10, 20, 9, 0, 0, 250_000_000), true, null);
        String[] plan = new String[values.size() * 2];
        for (int i = 0; i < values.size(); i++) {
            plan[2 * i] = i % 2 == 0 ? "hash" : "redact";
        }
        List<JsonNode> seen = new java.util.ArrayList<>();
        List<String> typed = new java.util.ArrayList<>();
        RowSink target = new RecordingSink(seen, typed);
        RowSink sink = ColumnMasks.sink(plan, target);
        JsonNode[] expected = new JsonNode[plan.length];
        for (int row = 0; row < 2; row++) { // the column count wraps to the next row
            seen.clear();
            typed.clear();
            for (int i = 0; i < values.size(); i++) {
                dev.sluice.sql.jdbc.JsonValues.put(values.get(i), sink);
                dev.sluice.sql.jdbc.JsonValues.put(values.get(i), sink);
                expected[2 * i] = dev.sluice.sql.jdbc.JsonValues.of(values.get(i));
                expected[2 * i + 1] = dev.sluice.sql.jdbc.JsonValues.of(values.get(i));
            }
            ColumnMasks.apply(plan, expected);
            assertThat(seen).containsExactly(expected);
            assertThat(typed).hasSize(values.size() - 1); // unmasked columns stay typed, except NULL
        }
        sink = ColumnMasks.sink(plan, target);
        seen.clear();
        sink.timestampMicros(1_000_000);
        assertThat(seen).containsExactly(TextNode.valueOf(ColumnMasks.hash("1970-01-01T00:00:01")));
        assertThat(ColumnMasks.sink(new String[3], target)).isSameAs(target);
    }

    /** Records what reaches it: JSON for masked values and NULL, the type for typed ones. */
    private record RecordingSink(List<JsonNode> seen, List<String> typed) implements RowSink {
        private void typed(String type, Object value) {
            typed.add(type);
            seen.add(dev.sluice.sql.jdbc.JsonValues.of(value));
        }

        @Override
        public void nullValue() {
            seen.add(NullNode.instance);
        }

        @Override
        public void booleanValue(boolean value) {
            typed("boolean", value);
        }

        @Override
        public void intValue(int value) {
            typed("int", value);
        }

        @Override
        public void longValue(long value) {
            typed("long", value);
        }

        @Override
        public void floatValue(float value) {
            typed("float", value);
        }

        @Override
        public void doubleValue(double value) {
            typed("double", value);
        }

        @Override
        public void decimalValue(java.math.BigDecimal value) {
            typed("decimal", value);
        }

        @Override
        public void text(String value) {
            typed("text", value);
        }

        @Override
        public void date(java.time.LocalDate value) {
            typed("date", value);
        }

        @Override
        public void localDateTime(java.time.LocalDateTime value) {
            typed("localDateTime", value);
        }

        @Override
        public void json(JsonNode value) {
            seen.add(value);
        }
    }
}
