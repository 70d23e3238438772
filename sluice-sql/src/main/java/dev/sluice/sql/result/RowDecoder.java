package dev.sluice.sql.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.sluice.sql.jdbc.IsoTimestamps;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Decodes rows written by {@link RowEncoder} from a {@link BlockSource}, tracking the byte position. */
final class RowDecoder {
    private static final byte[] EMPTY = new byte[0];

    private final BlockSource source;
    private byte[] buf = EMPTY;
    private int pos;
    private int limit;
    /** Result byte position of {@code buf[0]}. */
    private long base;

    RowDecoder(BlockSource source, long startPosition) {
        this.source = source;
        this.base = startPosition;
    }

    /** The result byte position of the next row. */
    long position() {
        return base + pos;
    }

    JsonNode[] readRow(int columns) throws IOException {
        JsonNode[] row = new JsonNode[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = readValue();
        }
        return row;
    }

    private JsonNode readValue() throws IOException {
        byte tag = readByte();
        return switch (tag) {
            case RowEncoder.NULL -> NullNode.getInstance();
            case RowEncoder.FALSE -> BooleanNode.FALSE;
            case RowEncoder.TRUE -> BooleanNode.TRUE;
            case RowEncoder.INT -> IntNode.valueOf((int) unZigZag(readVarLong()));
            case RowEncoder.LONG -> LongNode.valueOf(unZigZag(readVarLong()));
            case RowEncoder.BIG_INTEGER -> BigIntegerNode.valueOf(new BigInteger(readBytes(readLength())));
            case RowEncoder.FLOAT -> FloatNode.valueOf(Float.intBitsToFloat((int) readFixed(4)));
            case RowEncoder.DOUBLE -> DoubleNode.valueOf(Double.longBitsToDouble(readFixed(8)));
            case RowEncoder.DECIMAL_SMALL -> {
                int scale = (int) unZigZag(readVarLong());
                yield DecimalNode.valueOf(BigDecimal.valueOf(unZigZag(readVarLong()), scale));
            }
            case RowEncoder.DECIMAL_BIG -> {
                int scale = (int) unZigZag(readVarLong());
                yield DecimalNode.valueOf(new BigDecimal(new BigInteger(readBytes(readLength())), scale));
            }
            case RowEncoder.TEXT -> TextNode.valueOf(readString());
            case RowEncoder.DATE -> TextNode.valueOf(LocalDate.ofEpochDay(unZigZag(readVarLong())).toString());
            case RowEncoder.LOCAL_DATE_TIME -> {
                long second = unZigZag(readVarLong());
                int nano = (int) readVarLong();
                yield TextNode.valueOf(IsoTimestamps.format(LocalDateTime.ofEpochSecond(second, nano, ZoneOffset.UTC)));
            }
            case RowEncoder.BINARY -> BinaryNode.valueOf(readBytes(readLength()));
            case RowEncoder.ARRAY -> {
                int size = readLength();
                ArrayNode array = JsonNodeFactory.instance.arrayNode(size);
                for (int i = 0; i < size; i++) {
                    array.add(readValue());
                }
                yield array;
            }
            case RowEncoder.OBJECT -> {
                int size = readLength();
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < size; i++) {
                    String name = readString();
                    object.set(name, readValue());
                }
                yield object;
            }
            default -> throw new IOException("corrupt result data: unknown value tag " + tag + " at byte " + (position() - 1));
        };
    }

    private String readString() throws IOException {
        int length = readLength();
        if (limit - pos >= length) {
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    private byte[] readBytes(int length) throws IOException {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            if (pos == limit) {
                refill();
            }
            int n = Math.min(length - done, limit - pos);
            System.arraycopy(buf, pos, out, done, n);
            pos += n;
            done += n;
        }
        return out;
    }

    private int readLength() throws IOException {
        long length = readVarLong();
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new IOException("corrupt result data: length " + length + " at byte " + position());
        }
        return (int) length;
    }

    private long readFixed(int bytes) throws IOException {
        long bits = 0;
        for (int i = 0; i < bytes; i++) {
            bits |= (readByte() & 0xFFL) << (8 * i);
        }
        return bits;
    }

    private long readVarLong() throws IOException {
        if (limit - pos >= 10) {
            // Fast path: the whole varint is in this block.
            byte[] b = buf;
            int p = pos;
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte x = b[p++];
                result |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    pos = p;
                    return result;
                }
            }
            throw new IOException("corrupt result data: varint too long at byte " + position());
        }
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = readByte();
            result |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return result;
            }
        }
        throw new IOException("corrupt result data: varint too long at byte " + position());
    }

    private byte readByte() throws IOException {
        if (pos == limit) {
            refill();
        }
        return buf[pos++];
    }

    private void refill() throws IOException {
        ByteBlock block;
        do {
            block = source.next();
            if (block == null) {
                throw new IOException("corrupt result data: ended early at byte " + position());
            }
        } while (block.length() == 0);
        if (block.position() != position()) {
            throw new IllegalStateException("block at " + block.position() + ", expected " + position());
        }
        buf = block.array();
        pos = block.offset();
        limit = block.offset() + block.length();
        base = block.position() - block.offset();
    }

    private static long unZigZag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }
}
