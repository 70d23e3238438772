package dev.sluice.llm.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultComparisonTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static List<JsonNode> row(Object... values) {
        List<JsonNode> out = new ArrayList<>();
        for (Object v : values) {
            out.add(switch (v) {
                case null -> F.nullNode();
                case Integer i -> F.numberNode(i);
                case Long l -> F.numberNode(l);
                case Double d -> F.numberNode(d);
                case BigDecimal b -> F.numberNode(b);
                case Boolean b -> F.booleanNode(b);
                default -> F.textNode(v.toString());
            });
        }
        return out;
    }

    private static boolean same(List<List<JsonNode>> gold, List<List<JsonNode>> got, boolean ordered) {
        return ResultComparison.sameResult(gold, got, ordered);
    }

    @Test
    void unorderedComparison_ignoresRowOrder() {
        assertThat(same(List.of(row("a", 1), row("b", 2)), List.of(row("b", 2), row("a", 1)), false)).isTrue();
    }

    @Test
    void orderedComparison_requiresTheGoldOrder() {
        assertThat(same(List.of(row("a", 1), row("b", 2)), List.of(row("b", 2), row("a", 1)), true)).isFalse();
        assertThat(same(List.of(row("a", 1), row("b", 2)), List.of(row("a", 1), row("b", 2)), true)).isTrue();
    }

    @Test
    void duplicates_countAsAMultiset() {
        assertThat(same(List.of(row("a"), row("a"), row("b")), List.of(row("a"), row("b"), row("b")), false)).isFalse();
        assertThat(same(List.of(row("a"), row("a"), row("b")), List.of(row("b"), row("a"), row("a")), false)).isTrue();
        assertThat(same(List.of(row("a"), row("a")), List.of(row("a")), false)).isFalse();
    }

    @Test
    void numbers_compareByValueWithinASmallTolerance() {
        assertThat(same(List.of(row(3)), List.of(row(3.0)), true)).isTrue();
        assertThat(same(List.of(row(new BigDecimal("2.50"))), List.of(row(2.5)), false)).isTrue();
        assertThat(same(List.of(row(1.0 / 3)), List.of(row(0.3333333334)), false)).isTrue();
        assertThat(same(List.of(row(1_000_000.0)), List.of(row(1_000_000.5)), false)).isTrue();
        assertThat(same(List.of(row(0.5)), List.of(row(0.51)), false)).isFalse();
        assertThat(same(List.of(row(10L)), List.of(row(11L)), false)).isFalse();
    }

    @Test
    void toleranceMatching_pairsRowsThatAreNotExactlyEqual() {
        assertThat(same(List.of(row("x", 0.1 + 0.2), row("y", 1)), List.of(row("y", 1.0000000001), row("x", 0.3)), false)).isTrue();
    }

    @Test
    void nulls_equalOnlyNulls() {
        assertThat(same(List.of(row("a", null)), List.of(row("a", null)), false)).isTrue();
        assertThat(same(List.of(row("a", null)), List.of(row("a", 0)), false)).isFalse();
        assertThat(same(List.of(row("a", null)), List.of(row("a", "")), false)).isFalse();
    }

    @Test
    void columnOrder_matters_andNumbersAreNotText() {
        assertThat(same(List.of(row("a", 1)), List.of(row(1, "a")), false)).isFalse();
        assertThat(same(List.of(row("1")), List.of(row(1)), false)).isFalse();
        assertThat(same(List.of(row("a", 1)), List.of(row("a", 1, 2)), false)).isFalse();
    }

    @Test
    void emptyResults_areEqual() {
        assertThat(same(List.of(), List.of(), true)).isTrue();
        assertThat(same(List.of(), List.of(row(1)), false)).isFalse();
    }

    @Test
    void topLevelOrderBy_isDetected_butNotInSubqueriesWindowsOrStrings() {
        assertThat(ResultComparison.hasTopLevelOrderBy("SELECT a FROM t ORDER BY a")).isTrue();
        assertThat(ResultComparison.hasTopLevelOrderBy("select a from t\norder\n by a desc limit 3")).isTrue();
        assertThat(ResultComparison.hasTopLevelOrderBy("SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 3) s")).isFalse();
        assertThat(ResultComparison.hasTopLevelOrderBy("SELECT rank() OVER (ORDER BY a) FROM t")).isFalse();
        assertThat(ResultComparison.hasTopLevelOrderBy("SELECT 'order by' FROM t WHERE x = \"ORDER BY\"")).isFalse();
        assertThat(ResultComparison.hasTopLevelOrderBy("SELECT a FROM t -- ORDER BY a")).isFalse();
        assertThat(ResultComparison.hasTopLevelOrderBy("SELECT border_by FROM t")).isFalse();
    }
}
