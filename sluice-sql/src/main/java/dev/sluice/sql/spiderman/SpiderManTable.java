package dev.sluice.sql.spiderman;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A table of the neutral model, read from MySQL DDL. Names are lower-cased; {@code sourceName} keeps
 * the DDL's spelling, which names the CSV file.
 *
 * @param name lower-cased table name
 * @param sourceName the name as written in the DDL
 * @param columns columns in DDL order
 * @param primaryKey lower-cased primary key columns, empty for none
 * @param foreignKeys foreign keys as declared (not created; see {@link MySqlDdlTranslator})
 */
public record SpiderManTable(String name, String sourceName, List<SpiderManColumn> columns,
        List<String> primaryKey, List<ForeignKey> foreignKeys) {

    /** A declared foreign key, lower-cased. */
    public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {
        public ForeignKey {
            columns = List.copyOf(columns);
            requireNonNull(referencedTable, "referencedTable is null");
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    public SpiderManTable {
        requireNonNull(name, "name is null");
        requireNonNull(sourceName, "sourceName is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public SpiderManTable withColumns(List<SpiderManColumn> newColumns) {
        return new SpiderManTable(name, sourceName, newColumns, primaryKey, foreignKeys);
    }

    public SpiderManTable withPrimaryKey(List<String> newPrimaryKey) {
        return new SpiderManTable(name, sourceName, columns, newPrimaryKey, foreignKeys);
    }
}
