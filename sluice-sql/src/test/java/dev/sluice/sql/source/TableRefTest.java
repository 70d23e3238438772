package dev.sluice.sql.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableRefTest {
    @Test
    void parse_readsOneTwoAndThreePartNames() {
        assertThat(TableRef.parse("orders")).isEqualTo(new TableRef(null, null, "orders"));
        assertThat(TableRef.parse("analytics.orders")).isEqualTo(new TableRef(null, "analytics", "orders"));
        assertThat(TableRef.parse("lake.analytics.orders")).isEqualTo(new TableRef("lake", "analytics", "orders"));
    }

    @Test
    void parse_keepsQuotedNamesWithDotsAndQuotes() {
        assertThat(TableRef.parse("\"my.schema\".\"Order \"\"Items\"\"\"")).isEqualTo(new TableRef(null, "my.schema", "Order \"Items\""));
    }

    @Test
    void parse_rejectsMalformedNames() {
        assertThatThrownBy(() -> TableRef.parse("a.b.c.d")).hasMessageContaining("at most three parts");
        assertThatThrownBy(() -> TableRef.parse("a..b")).hasMessageContaining("empty name part");
        assertThatThrownBy(() -> TableRef.parse("\"open")).hasMessageContaining("unterminated quote");
        assertThatThrownBy(() -> TableRef.parse("")).hasMessageContaining("empty name part");
    }

    @Test
    void quoted_escapesEveryPart() {
        assertThat(new TableRef(null, "s", "t\"x").quoted()).isEqualTo("\"s\".\"t\"\"x\"");
        assertThat(new TableRef(null, "s", "t").display()).isEqualTo("s.t");
    }
}
