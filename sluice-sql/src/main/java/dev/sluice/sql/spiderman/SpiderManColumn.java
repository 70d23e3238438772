package dev.sluice.sql.spiderman;

import static java.util.Objects.requireNonNull;

/**
 * A column of the neutral model.
 *
 * @param name lower-cased name
 * @param type storage type
 * @param mysqlType the type as written in the MySQL DDL, for reports
 * @param notNull whether the DDL declared NOT NULL
 */
public record SpiderManColumn(String name, SqlType type, String mysqlType, boolean notNull) {
    public SpiderManColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(mysqlType, "mysqlType is null");
    }

    public SpiderManColumn withType(SqlType newType) {
        return new SpiderManColumn(name, newType, mysqlType, notNull);
    }

    public SpiderManColumn withNotNull(boolean value) {
        return new SpiderManColumn(name, type, mysqlType, value);
    }
}
