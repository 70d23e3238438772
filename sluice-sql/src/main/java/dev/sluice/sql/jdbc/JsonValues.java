package dev.sluice.sql.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.sluice.mcp.Json;
import dev.sluice.sql.source.RowSink;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * JDBC values as JSON (SPEC 2.1): numbers as numbers, decimals exact, timestamps ISO-8601,
 * binary as Base64, NULL as null. Integers beyond 2^53 stay numbers; clients that need exactness
 * read the JSON text.
 */
public final class JsonValues {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private JsonValues() {
    }

    /**
     * The JDBC type to read column {@code index} (1-based) as: the driver's type, except that a
     * zoned timestamp or time that the driver reports as a local one (pgjdbc says TIMESTAMP for
     * {@code timestamptz} and TIME for {@code timetz}, and cannot read them as local values) is read
     * with its offset.
     */
    public static int sqlType(ResultSetMetaData md, int index) throws SQLException {
        int type = md.getColumnType(index);
        if (type == Types.TIMESTAMP && "timestamptz".equalsIgnoreCase(md.getColumnTypeName(index))) {
            return Types.TIMESTAMP_WITH_TIMEZONE;
        }
        if (type == Types.TIME && "timetz".equalsIgnoreCase(md.getColumnTypeName(index))) {
            return Types.TIME_WITH_TIMEZONE;
        }
        return type;
    }

    /** The value of column {@code index} (1-based) of the current row. */
    public static JsonNode read(ResultSet rs, int index, int sqlType) throws SQLException {
        return of(readObject(rs, index, sqlType));
    }

    /** The same value as {@link #read}, handed to {@code sink} as a typed value where it has one. */
    public static void read(ResultSet rs, int index, int sqlType, RowSink sink) throws SQLException {
        put(readObject(rs, index, sqlType), sink);
    }

    /** The JDBC value (java.time for dates and times), or null for SQL NULL. */
    private static Object readObject(ResultSet rs, int index, int sqlType) throws SQLException {
        Object value = switch (sqlType) {
            case Types.DATE -> rs.getObject(index, LocalDate.class);
            case Types.TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(index, OffsetDateTime.class);
            case Types.TIME -> rs.getObject(index, LocalTime.class);
            case Types.TIME_WITH_TIMEZONE -> rs.getObject(index, OffsetTime.class);
            default -> rs.getObject(index);
        };
        return value == null || rs.wasNull() ? null : value;
    }

    /**
     * Hands {@code value} to {@code sink}: the common types as typed values, the rest as the node
     * {@link #of} makes. Either way the JSON a tool shows is the same as {@code of(value)}.
     */
    public static void put(Object value, RowSink sink) {
        switch (value) {
            case null -> sink.nullValue();
            case String s -> sink.text(s);
            case Long l -> sink.longValue(l);
            case Integer i -> sink.intValue(i);
            case BigDecimal d -> sink.decimalValue(d);
            case LocalDateTime t -> sink.localDateTime(t);
            case LocalDate d -> sink.date(d);
            case Double d -> sink.doubleValue(d);
            case Float f -> sink.floatValue(f);
            case Boolean b -> sink.booleanValue(b);
            case Short s -> sink.intValue(s);
            case Byte b -> sink.intValue(b);
            case Timestamp t -> sink.localDateTime(t.toLocalDateTime());
            default -> sink.json(of(value));
        }
    }

    public static JsonNode of(Object value) {
        return switch (value) {
            case null -> NullNode.instance;
            case String s -> F.textNode(s);
            case Integer i -> F.numberNode(i);
            case Long l -> F.numberNode(l);
            case Short s -> F.numberNode(s);
            case Byte b -> F.numberNode(b);
            case BigInteger b -> F.numberNode(b);
            case BigDecimal d -> F.numberNode(d);
            case Double d -> d.isNaN() || d.isInfinite() ? F.textNode(d.toString()) : F.numberNode(d);
            case Float f -> f.isNaN() || f.isInfinite() ? F.textNode(f.toString()) : F.numberNode(f);
            case Boolean b -> F.booleanNode(b);
            case LocalDate d -> F.textNode(d.toString());
            case LocalDateTime t -> F.textNode(IsoTimestamps.format(t));
            case OffsetDateTime t -> F.textNode(t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            case LocalTime t -> F.textNode(t.toString());
            case OffsetTime t -> F.textNode(t.toString());
            case Timestamp t -> F.textNode(IsoTimestamps.format(t.toLocalDateTime()));
            case java.sql.Date d -> F.textNode(d.toLocalDate().toString());
            case Time t -> F.textNode(t.toLocalTime().toString());
            case java.time.Instant i -> F.textNode(i.toString());
            case UUID u -> F.textNode(u.toString());
            case byte[] bytes -> F.textNode(Base64.getEncoder().encodeToString(bytes));
            case Blob b -> blob(b);
            case Clob c -> clob(c);
            case Array a -> array(a);
            case Struct s -> struct(s);
            case Map<?, ?> m -> map(m);
            case java.util.List<?> l -> list(l);
            default -> F.textNode(value.toString());
        };
    }

    private static JsonNode blob(Blob b) {
        try {
            return F.textNode(Base64.getEncoder().encodeToString(b.getBytes(1, (int) Math.min(b.length(), Integer.MAX_VALUE))));
        } catch (SQLException e) {
            return F.textNode("(unreadable blob)");
        }
    }

    private static JsonNode clob(Clob c) {
        try {
            return F.textNode(c.getSubString(1, (int) Math.min(c.length(), Integer.MAX_VALUE)));
        } catch (SQLException e) {
            return F.textNode("(unreadable text)");
        }
    }

    private static JsonNode array(Array a) {
        try {
            Object items = a.getArray();
            var out = Json.array();
            if (items instanceof Object[] objects) {
                for (Object o : objects) {
                    out.add(of(o));
                }
            }
            return out;
        } catch (SQLException e) {
            return F.textNode(a.toString());
        }
    }

    private static JsonNode struct(Struct s) {
        try {
            var out = Json.array();
            for (Object o : s.getAttributes()) {
                out.add(of(o));
            }
            return out;
        } catch (SQLException e) {
            return F.textNode(s.toString());
        }
    }

    private static JsonNode map(Map<?, ?> m) {
        var out = Json.object();
        m.forEach((k, v) -> out.set(String.valueOf(k), of(v)));
        return out;
    }

    private static JsonNode list(java.util.List<?> l) {
        var out = Json.array();
        l.forEach(v -> out.add(of(v)));
        return out;
    }
}
