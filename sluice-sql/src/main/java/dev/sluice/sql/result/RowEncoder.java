package dev.sluice.sql.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.sluice.mcp.Json;
import dev.sluice.sql.jdbc.IsoTimestamps;
import dev.sluice.sql.source.RowSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/**
 * Encodes a row into a reusable buffer: per value one tag byte then a body (zig-zag varints for
 * integers, scale plus unscaled value for decimals, length-prefixed UTF-8 for text, epoch day or
 * epoch second plus nanos for dates and timestamps, counted containers for arrays and objects).
 * Self-delimiting, so rows follow each other with no framing. Values come typed (the
 * {@link RowSink} methods, straight from the engine) or as JSON nodes; {@link RowDecoder} turns
 * both into the same JSON. Not thread-safe: one per writer.
 */
final class RowEncoder implements RowSink {
    static final byte NULL = 0;
    static final byte FALSE = 1;
    static final byte TRUE = 2;
    static final byte INT = 3;
    static final byte LONG = 4;
    static final byte BIG_INTEGER = 5;
    static final byte FLOAT = 6;
    static final byte DOUBLE = 7;
    static final byte DECIMAL_SMALL = 8;
    static final byte DECIMAL_BIG = 9;
    static final byte TEXT = 10;
    static final byte BINARY = 11;
    static final byte ARRAY = 12;
    static final byte OBJECT = 13;
    /** Shown as {@link LocalDate#toString()}; body: zig-zag epoch day. */
    static final byte DATE = 14;
    /** Shown as {@link IsoTimestamps}; body: zig-zag epoch second (as if UTC), then nano of second. */
    static final byte LOCAL_DATE_TIME = 15;

    private byte[] buf = new byte[512];
    private int len;
    private int values;

    /** Appends one row after the rows already in the buffer; read them with {@link #buffer()} / {@link #length()}. */
    void encode(JsonNode[] row) {
        startRow();
        for (JsonNode value : row) {
            writeValue(value);
        }
        values = row.length;
    }

    /** Starts counting the values of a new row, after the rows already in the buffer. */
    void startRow() {
        values = 0;
    }

    /** Drops everything from {@code length} on (a row put only in part) and starts a new row. */
    void truncate(int length) {
        len = length;
        values = 0;
    }

    /** Empties the buffer. */
    void clear() {
        truncate(0);
    }

    /** Values in the current row. */
    int values() {
        return values;
    }

    byte[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }

    @Override
    public void nullValue() {
        put(NULL);
        values++;
    }

    @Override
    public void booleanValue(boolean value) {
        put(value ? TRUE : FALSE);
        values++;
    }

    @Override
    public void intValue(int value) {
        put(INT);
        writeVarLong(zigZag(value));
        values++;
    }

    @Override
    public void longValue(long value) {
        put(LONG);
        writeVarLong(zigZag(value));
        values++;
    }

    @Override
    public void floatValue(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            writeText(TEXT, Float.toString(value)); // JSON has no NaN: shown as text, as JsonValues does
        } else {
            put(FLOAT);
            writeFixed(Float.floatToRawIntBits(value), 4);
        }
        values++;
    }

    @Override
    public void doubleValue(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            writeText(TEXT, Double.toString(value));
        } else {
            put(DOUBLE);
            writeFixed(Double.doubleToRawLongBits(value), 8);
        }
        values++;
    }

    @Override
    public void decimalValue(BigDecimal value) {
        writeDecimal(value);
        values++;
    }

    @Override
    public void text(String value) {
        writeText(TEXT, value);
        values++;
    }

    @Override
    public void date(LocalDate value) {
        put(DATE);
        writeVarLong(zigZag(value.toEpochDay()));
        values++;
    }

    @Override
    public void localDateTime(LocalDateTime value) {
        put(LOCAL_DATE_TIME);
        writeVarLong(zigZag(value.toEpochSecond(ZoneOffset.UTC)));
        writeVarLong(value.getNano());
        values++;
    }

    @Override
    public void timestampMicros(long epochMicros) {
        put(LOCAL_DATE_TIME);
        writeVarLong(zigZag(Math.floorDiv(epochMicros, 1_000_000L)));
        writeVarLong(Math.floorMod(epochMicros, 1_000_000L) * 1000L);
        values++;
    }

    @Override
    public void json(JsonNode value) {
        writeValue(value);
        values++;
    }

    private void writeValue(JsonNode value) {
        if (value == null) {
            put(NULL);
            return;
        }
        switch (value.getNodeType()) {
            case NULL, MISSING -> put(NULL);
            case BOOLEAN -> put(value.booleanValue() ? TRUE : FALSE);
            case NUMBER -> writeNumber(value);
            case STRING -> writeText(TEXT, value.textValue());
            case BINARY -> writeBytes(BINARY, binary(value));
            case ARRAY -> {
                put(ARRAY);
                writeVarLong(value.size());
                for (JsonNode element : value) {
                    writeValue(element);
                }
            }
            case OBJECT -> {
                put(OBJECT);
                writeVarLong(value.size());
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    byte[] name = field.getKey().getBytes(StandardCharsets.UTF_8);
                    writeVarLong(name.length);
                    putBytes(name);
                    writeValue(field.getValue());
                }
            }
            case POJO -> writeValue(Json.MAPPER.valueToTree(((POJONode) value).getPojo()));
        }
    }

    private void writeNumber(JsonNode value) {
        switch (value.numberType()) {
            case INT -> {
                put(INT);
                writeVarLong(zigZag(value.intValue()));
            }
            case LONG -> {
                put(LONG);
                writeVarLong(zigZag(value.longValue()));
            }
            case BIG_INTEGER -> writeBytes(BIG_INTEGER, value.bigIntegerValue().toByteArray());
            case FLOAT -> {
                put(FLOAT);
                writeFixed(Float.floatToRawIntBits(value.floatValue()), 4);
            }
            case DOUBLE -> {
                put(DOUBLE);
                writeFixed(Double.doubleToRawLongBits(value.doubleValue()), 8);
            }
            case BIG_DECIMAL -> writeDecimal(value.decimalValue());
        }
    }

    private void writeDecimal(BigDecimal decimal) {
        BigInteger unscaled = decimal.unscaledValue();
        if (unscaled.bitLength() < 64) {
            put(DECIMAL_SMALL);
            writeVarLong(zigZag(decimal.scale()));
            writeVarLong(zigZag(unscaled.longValue()));
        } else {
            put(DECIMAL_BIG);
            writeVarLong(zigZag(decimal.scale()));
            byte[] bytes = unscaled.toByteArray();
            writeVarLong(bytes.length);
            putBytes(bytes);
        }
    }

    private void writeText(byte tag, String text) {
        writeBytes(tag, text.getBytes(StandardCharsets.UTF_8));
    }

    private void writeBytes(byte tag, byte[] bytes) {
        put(tag);
        writeVarLong(bytes.length);
        putBytes(bytes);
    }

    private static byte[] binary(JsonNode value) {
        try {
            return value.binaryValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeFixed(long bits, int bytes) {
        ensure(bytes);
        byte[] b = buf;
        int p = len;
        for (int i = 0; i < bytes; i++) {
            b[p++] = (byte) (bits >>> (8 * i));
        }
        len = p;
    }

    private void writeVarLong(long value) {
        ensure(10);
        // locals, so the loop keeps the buffer and position in registers
        byte[] b = buf;
        int p = len;
        while ((value & ~0x7FL) != 0) {
            b[p++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b[p++] = (byte) value;
        len = p;
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void putBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }
}
