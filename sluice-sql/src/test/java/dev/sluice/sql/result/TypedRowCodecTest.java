package dev.sluice.sql.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.Json;
import dev.sluice.sql.jdbc.IsoTimestamps;
import dev.sluice.sql.jdbc.JsonValues;
import dev.sluice.sql.source.RowSink;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed values ({@link RowSink}) decode to exactly the JSON that {@link JsonValues#of} gives for the same value. */
class TypedRowCodecTest {
    @TempDir
    Path dir;

    private static final List<Object> VALUES = Arrays.asList(
            null, true, false, "", "plain", "üñí €😀 \"q\" \\ \t\n\u0000",
            Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE, Integer.MIN_VALUE, 0, Integer.MAX_VALUE,
            (short) -7, (short) 32767, (byte) -128, (byte) 127,
            1.5f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            -0.1, -0.0, Double.MIN_VALUE, 1.0E300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            new BigDecimal("10.00"), new BigDecimal("-0.000000000000000001"), new BigDecimal("1E+5"), BigDecimal.ZERO,
            new BigDecimal("98765432109876543210987654321.123456789012345678"), new BigDecimal("0E-10"),
            LocalDate.of(2026, 10, 20), LocalDate.of(1, 1, 1), LocalDate.of(-44, 3, 15), LocalDate.of(10000, 1, 1),
            LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH,
            LocalDateTime.of(2026, 10, 20, 9, 0), LocalDateTime.of(2026, 10, 20, 9, 0, 0, 120_000_000),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999), LocalDateTime.of(-100, 6, 1, 12, 30, 0, 500_000_000),
            LocalDateTime.of(10000, 1, 1, 0, 0), LocalDateTime.MIN, LocalDateTime.MAX,
            Timestamp.valueOf(LocalDateTime.of(2026, 1, 1, 0, 0, 0, 123_456_789)),
            new BigInteger("-170141183460469231731687303715884105728"), UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            new byte[] {0, 1, (byte) 0xFF}, List.of(1, "x"));

    @Test
    void everyTypedValue_decodesToTheJsonOfJsonValues() throws IOException {
        RowEncoder encoder = new RowEncoder();
        encoder.clear();
        for (Object value : VALUES) {
            JsonValues.put(value, encoder);
        }
        assertThat(encoder.values()).isEqualTo(VALUES.size());
        JsonNode[] decoded = decode(encoder, VALUES.size());
        for (int i = 0; i < VALUES.size(); i++) {
            assertThat(Json.text(decoded[i])).as("value %s", VALUES.get(i)).isEqualTo(Json.text(JsonValues.of(VALUES.get(i))));
        }
    }

    @Test
    void timestampMicros_showTheLocalDateTimeOfTheSameInstant() throws IOException {
        long[] micros = {0, 1, -1, 999_999, -999_999, 1_000_000, -1_000_001, 1_792_400_000_123_456L,
                Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE};
        RowEncoder encoder = new RowEncoder();
        encoder.clear();
        for (long m : micros) {
            encoder.timestampMicros(m);
        }
        JsonNode[] decoded = decode(encoder, micros.length);
        for (int i = 0; i < micros.length; i++) {
            // what DuckDB's getObject(LocalDateTime) builds from the same micros
            Instant instant = Instant.ofEpochSecond(micros[i] / 1_000_000, micros[i] % 1_000_000 * 1000);
            String expected = IsoTimestamps.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            assertThat(decoded[i].textValue()).as("micros %d", micros[i]).isEqualTo(expected);
        }
    }

    @Test
    void rowsThroughTheSink_pageBackLikeAppendedRows_andAWrongValueCountIsRefused() {
        try (ResultStore store = new ResultStore(ResultTestSupport.config(dir, 1L << 20, 1L << 20), ResultTestSupport.clock())) {
            ResultWriter writer = store.begin("lake", "alice", ResultTestSupport.COLUMNS);
            RowSink sink = writer.rowSink();
            for (long i = 0; i < 50; i++) {
                sink.longValue(i);
                sink.text("name-" + i);
                sink.decimalValue(BigDecimal.valueOf(i * 7, 2));
                assertThat(writer.endRow()).isTrue();
            }
            sink.longValue(1);
            assertThatThrownBy(writer::endRow).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values");
            ResultPage page = writer.finish(100);
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (long i = 0; i < 50; i++) {
                expected.add(Json.text(Json.MAPPER.valueToTree(ResultTestSupport.row(i))));
                actual.add(Json.text(Json.MAPPER.valueToTree(page.rows().get((int) i))));
            }
            assertThat(actual).isEqualTo(expected);
            assertThatThrownBy(writer::endRow).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theSinkStopsAtMaxResultBytes_andMarksTheResultTruncated() {
        ResultStoreConfig config = new ResultStoreConfig(dir, 1L << 20, 1L << 20, 1000, java.time.Duration.ofMinutes(10), 10);
        try (ResultStore store = new ResultStore(config, ResultTestSupport.clock())) {
            ResultWriter writer = store.begin("lake", "alice", ResultTestSupport.COLUMNS);
            long stored = 0;
            while (true) {
                writer.rowSink().longValue(stored);
                writer.rowSink().text("name-" + stored);
                writer.rowSink().nullValue();
                if (!writer.endRow()) {
                    break;
                }
                stored++;
            }
            ResultPage page = writer.finish(10);
            assertThat(page.truncated()).isTrue();
            assertThat(page.totalRows()).isEqualTo(stored).isPositive();
        }
    }

    private static JsonNode[] decode(RowEncoder encoder, int columns) throws IOException {
        byte[] bytes = Arrays.copyOf(encoder.buffer(), encoder.length());
        BlockSource source = new BlockSource() {
            private boolean done;

            @Override
            public ByteBlock next() {
                if (done) {
                    return null;
                }
                done = true;
                return new ByteBlock(0, bytes, 0, bytes.length);
            }

            @Override
            public void close() {
            }
        };
        RowDecoder decoder = new RowDecoder(source, 0);
        JsonNode[] row = decoder.readRow(columns);
        assertThat(decoder.position()).isEqualTo(bytes.length);
        return row;
    }
}
