package dev.sluice.sql.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Receives one row's values, one call per column in column order, as typed values rather than
 * JSON nodes, so a row can be stored without building a node per value. Each method stands for the
 * JSON value a tool shows: numbers as numbers ({@code doubleValue} of NaN or an infinity as its
 * text), decimals exact, dates and timestamps as ISO-8601 text; anything else arrives as
 * {@link #json}.
 */
public interface RowSink {
    void nullValue();

    void booleanValue(boolean value);

    void intValue(int value);

    void longValue(long value);

    void floatValue(float value);

    void doubleValue(double value);

    /** Exact, scale kept ({@code 10.00} stays {@code 10.00}). */
    void decimalValue(BigDecimal value);

    void text(String value);

    /** Shown as {@link LocalDate#toString()}. */
    void date(LocalDate value);

    /** Shown as ISO-8601 without offset (seconds always, fraction only when non-zero). */
    void localDateTime(LocalDateTime value);

    /**
     * The local date-time {@code epochMicros} microseconds from 1970-01-01T00:00 (no zone), as
     * engines store it; shown as {@link #localDateTime} shows it.
     */
    default void timestampMicros(long epochMicros) {
        localDateTime(ofEpochMicros(epochMicros));
    }

    static LocalDateTime ofEpochMicros(long epochMicros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
                (int) Math.floorMod(epochMicros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    /** Any other value, already as JSON (arrays, objects, Base64 binary, text of other types). */
    void json(JsonNode value);
}
