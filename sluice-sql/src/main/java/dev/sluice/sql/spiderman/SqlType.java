package dev.sluice.sql.spiderman;

import static java.util.Objects.requireNonNull;

import dev.sluice.sql.source.Dialect;

/**
 * A column type in the neutral model: a kind plus precision and scale for decimals.
 *
 * @param kind the storage kind
 * @param precision total digits of a {@link Kind#DECIMAL}, else 0
 * @param scale fraction digits of a {@link Kind#DECIMAL}, else 0
 */
public record SqlType(Kind kind, int precision, int scale) {
    /** Storage kinds; every MySQL type maps onto one (see {@link MySqlDdlTranslator}). */
    public enum Kind { SMALLINT, INTEGER, BIGINT, DOUBLE, DECIMAL, TEXT, DATE, TIMESTAMP, TIME }

    public static final SqlType SMALLINT = new SqlType(Kind.SMALLINT, 0, 0);
    public static final SqlType INTEGER = new SqlType(Kind.INTEGER, 0, 0);
    public static final SqlType BIGINT = new SqlType(Kind.BIGINT, 0, 0);
    public static final SqlType DOUBLE = new SqlType(Kind.DOUBLE, 0, 0);
    public static final SqlType TEXT = new SqlType(Kind.TEXT, 0, 0);
    public static final SqlType DATE = new SqlType(Kind.DATE, 0, 0);
    public static final SqlType TIMESTAMP = new SqlType(Kind.TIMESTAMP, 0, 0);
    public static final SqlType TIME = new SqlType(Kind.TIME, 0, 0);

    public SqlType {
        requireNonNull(kind, "kind is null");
        if (kind == Kind.DECIMAL && (precision < 1 || precision > 38 || scale < 0 || scale > precision)) {
            throw new IllegalArgumentException("decimal precision must be 1..38 and scale 0..precision, got ("
                    + precision + "," + scale + ")");
        }
    }

    public static SqlType decimal(int precision, int scale) {
        return new SqlType(Kind.DECIMAL, precision, scale);
    }

    /** The type's name in {@code dialect}'s DDL. */
    public String render(Dialect dialect) {
        boolean pg = dialect == Dialect.POSTGRES;
        return switch (kind) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> pg ? "DOUBLE PRECISION" : "DOUBLE";
            case DECIMAL -> (pg ? "NUMERIC(" : "DECIMAL(") + precision + "," + scale + ")";
            case TEXT -> pg ? "TEXT" : "VARCHAR";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case TIME -> "TIME";
        };
    }
}
