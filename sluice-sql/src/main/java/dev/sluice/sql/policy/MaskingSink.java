package dev.sluice.sql.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.sql.jdbc.JsonValues;
import dev.sluice.sql.source.RowSink;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A {@link RowSink} that masks per a {@link ColumnMasks#plan}: values of masked columns become the
 * JSON node {@link JsonValues#of} makes, are masked as {@link ColumnMasks#apply} does, and go on as
 * JSON; the other columns pass through typed. Counts columns itself, so every row must bring one
 * value per column (the result writer checks that).
 */
final class MaskingSink implements RowSink {
    private final String[] plan;
    private final RowSink target;
    private int column;

    MaskingSink(String[] plan, RowSink target) {
        this.plan = plan.clone();
        this.target = target;
    }

    /** The rule of the column this value belongs to (null: none), moving on to the next column. */
    private String nextRule() {
        String rule = plan[column];
        column = column + 1 == plan.length ? 0 : column + 1;
        return rule;
    }

    private void masked(String rule, Object value) {
        target.json(ColumnMasks.mask(rule, JsonValues.of(value)));
    }

    @Override
    public void nullValue() {
        nextRule();
        target.nullValue();
    }

    @Override
    public void booleanValue(boolean value) {
        String rule = nextRule();
        if (rule == null) {
            target.booleanValue(value);
        } else {
            masked(rule, value);
        }
    }

    @Override
    public void intValue(int value) {
        String rule = nextRule();
        if (rule == null) {
            target.intValue(value);
        } else {
            masked(rule, value);
        }
    }

    @Override
    public void longValue(long value) {
        String rule = nextRule();
        if (rule == null) {
            target.longValue(value);
        } else {
            masked(rule, value);
        }
    }

    @Override
    public void floatValue(float value) {
        String rule = nextRule();
        if (rule == null) {
            target.floatValue(value);
        } else {
            masked(rule, value);
        }
    }

    @Override
    public void doubleValue(double value) {
        String rule = nextRule();
        if (rule == null) {
            target.doubleValue(value);
        } else {
            masked(rule, value);
        }
    }

    @Override
    public void decimalValue(BigDecimal value) {
        String rule = nextRule();
        if (rule == null) {
            target.decimalValue(value);
        } else {
            masked(rule, value);
        }
    }

    @Override
    public void text(String value) {
        String rule = nextRule();
        if (rule == null) {
            target.text(value);
        } else {
            masked(rule, value);
        }
    }

    @Override
    public void date(LocalDate value) {
        String rule = nextRule();
        if (rule == null) {
            target.date(value);
        } else {
            masked(rule, value);
        }
    }

    @Override
    public void localDateTime(LocalDateTime value) {
        String rule = nextRule();
        if (rule == null) {
            target.localDateTime(value);
        } else {
            masked(rule, value);
        }
    }

    @Override
    public void timestampMicros(long epochMicros) {
        String rule = nextRule();
        if (rule == null) {
            target.timestampMicros(epochMicros);
        } else {
            masked(rule, RowSink.ofEpochMicros(epochMicros));
        }
    }

    @Override
    public void json(JsonNode value) {
        String rule = nextRule();
        if (rule == null) {
            target.json(value);
        } else {
            target.json(ColumnMasks.mask(rule, value));
        }
    }
}
