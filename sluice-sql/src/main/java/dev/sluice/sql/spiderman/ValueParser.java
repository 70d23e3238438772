package dev.sluice.sql.spiderman;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns CSV text into the Java value a column of a given {@link SqlType} stores, or reports that it
 * cannot, so the loader can widen the column ({@link #wider}). The same values go to every engine.
 */
final class ValueParser {
    /** Marks a value the type cannot hold. */
    static final Object INVALID = new Object();

    private static final Pattern INTEGRAL = Pattern.compile("[-+]?\\d{1,18}(\\.0*)?");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?: 0{1,2}:00(?::00)?)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private ValueParser() {}

    /** The stored value of {@code text} (null for SQL NULL) in {@code type}, or {@link #INVALID}. */
    static Object parse(String text, SqlType type) {
        if (text == null) {
            return null;
        }
        if (type.kind() == SqlType.Kind.TEXT) {
            return text;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null; // an empty field in a non-text column has no other reading
        }
        try {
            return switch (type.kind()) {
                case SMALLINT, INTEGER, BIGINT -> integral(s, type.kind());
                case DOUBLE -> DECIMAL.matcher(s).matches() ? (Object) Double.parseDouble(s) : INVALID;
                case DECIMAL -> decimal(s, type);
                case DATE -> date(s);
                case TIMESTAMP -> timestamp(s);
                case TIME -> time(s);
                case TEXT -> text;
            };
        } catch (NumberFormatException | DateTimeException e) {
            return INVALID;
        }
    }

    /** The next wider type to try after {@code type} failed, ending at TEXT (which holds anything). */
    static SqlType wider(SqlType type) {
        return switch (type.kind()) {
            case SMALLINT -> SqlType.INTEGER;
            case INTEGER -> SqlType.BIGINT;
            case BIGINT, DECIMAL -> SqlType.DOUBLE;
            case DOUBLE, DATE, TIMESTAMP, TIME, TEXT -> SqlType.TEXT;
        };
    }

    private static Object integral(String s, SqlType.Kind kind) {
        if (!INTEGRAL.matcher(s).matches()) {
            return INVALID;
        }
        int dot = s.indexOf('.');
        long v = Long.parseLong(dot >= 0 ? s.substring(0, dot) : s);
        return switch (kind) {
            case SMALLINT -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE ? (Object) (short) v : INVALID;
            case INTEGER -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : INVALID;
            default -> v;
        };
    }

    private static Object decimal(String s, SqlType type) {
        if (!DECIMAL.matcher(s).matches()) {
            return INVALID;
        }
        BigDecimal v = new BigDecimal(s);
        BigDecimal stripped = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        if (stripped.scale() > type.scale()) {
            return INVALID;
        }
        BigDecimal scaled = v.setScale(type.scale());
        return scaled.precision() - scaled.scale() > type.precision() - type.scale() ? INVALID : scaled;
    }

    private static Object date(String s) {
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            return INVALID;
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static Object timestamp(String s) {
        Matcher m = TIMESTAMP.matcher(s);
        if (!m.matches()) {
            return INVALID;
        }
        int nanos = 0;
        if (m.group(7) != null) {
            nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
        }
        return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
    }

    private static Object time(String s) {
        Matcher m = TIME.matcher(s);
        if (!m.matches()) {
            return INVALID;
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }
}
