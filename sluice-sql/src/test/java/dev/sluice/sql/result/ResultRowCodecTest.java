package dev.sluice.sql.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.mcp.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultRowCodecTest {

    private static JsonNode[] roundTrip(JsonNode[] row, int blockBytes) throws IOException {
        RowEncoder encoder = new RowEncoder();
        encoder.encode(row);
        byte[] bytes = Arrays.copyOf(encoder.buffer(), encoder.length());
        // Hand the bytes over in tiny blocks so every value also crosses block boundaries.
        BlockSource source = new BlockSource() {
            private int next;

            @Override
            public ByteBlock next() {
                if (next >= bytes.length) {
                    return null;
                }
                int n = Math.min(blockBytes, bytes.length - next);
                ByteBlock block = new ByteBlock(next, bytes, next, n);
                next += n;
                return block;
            }

            @Override
            public void close() {
            }
        };
        RowDecoder decoder = new RowDecoder(source, 0);
        JsonNode[] decoded = decoder.readRow(row.length);
        assertThat(decoder.position()).isEqualTo(bytes.length);
        return decoded;
    }

    @Test
    void everyValueType_roundTripsExactly_whateverTheBlockSize() throws IOException {
        JsonNode[] row = {
                NullNode.getInstance(), BooleanNode.TRUE, BooleanNode.FALSE,
                IntNode.valueOf(Integer.MIN_VALUE), IntNode.valueOf(-1), IntNode.valueOf(Integer.MAX_VALUE),
                LongNode.valueOf(Long.MIN_VALUE), LongNode.valueOf(0), LongNode.valueOf(Long.MAX_VALUE),
                BigIntegerNode.valueOf(new BigInteger("-123456789012345678901234567890123456789")),
                FloatNode.valueOf(1.5f), DoubleNode.valueOf(-0.1), DoubleNode.valueOf(Double.MIN_VALUE),
                DecimalNode.valueOf(new BigDecimal("123.4500")),
                DecimalNode.valueOf(new BigDecimal("-0.000000000000000001")),
                DecimalNode.valueOf(new BigDecimal("1E+5")),
                DecimalNode.valueOf(new BigDecimal("98765432109876543210987654321.123456789012345678")),
                TextNode.valueOf(""), TextNode.valueOf("2026-10-20T09:00:00.123456Z"),
                TextNode.valueOf("最初のリリース締め切りは10月20日です 🚀 é ñ \u0000 \uD834\uDD1E"),
                BinaryNode.valueOf(new byte[] {0, 1, 2, (byte) 0xFF}),
                Json.parse("{\"a\":[1,2.5,\"x\",null,{\"b\":true}],\"ü\":{}}"),
                Json.parse("[[],[[]],\"nested\"]"),
        };
        for (int block : List.of(1, 3, 7, 4096)) {
            JsonNode[] decoded = roundTrip(row, block);
            assertThat(decoded).as("block size %d", block).containsExactly(row);
        }
    }

    @Test
    void decimals_keepTheirScale() throws IOException {
        JsonNode[] decoded = roundTrip(new JsonNode[] {DecimalNode.valueOf(new BigDecimal("10.00"))}, 2);
        assertThat(decoded[0].decimalValue().scale()).isEqualTo(2);
        assertThat(decoded[0].decimalValue().toPlainString()).isEqualTo("10.00");
    }

    @Test
    void javaNullsAndMissingNodes_becomeJsonNull() throws IOException {
        JsonNode[] decoded = roundTrip(new JsonNode[] {null, MissingNode.getInstance()}, 8);
        assertThat(decoded).containsExactly(NullNode.getInstance(), NullNode.getInstance());
    }

    @Test
    void shortNodes_comeBackAsTheSameJsonNumber() throws IOException {
        JsonNode[] decoded = roundTrip(new JsonNode[] {ShortNode.valueOf((short) -7)}, 8);
        assertThat(Json.MAPPER.writeValueAsString(decoded[0])).isEqualTo("-7");
    }

    @Test
    void longStrings_roundTripAcrossManyBlocks() throws IOException {
        String text = "データ".repeat(200_000) + "end";
        JsonNode[] decoded = roundTrip(new JsonNode[] {TextNode.valueOf(text)}, 4096);
        assertThat(decoded[0].textValue()).isEqualTo(text);
    }
}
