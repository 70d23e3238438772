package dev.sluice.sql.spiderman;

import static java.util.Objects.requireNonNull;

import dev.sluice.sql.source.Dialect;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Creates a SpiderMan database as one schema of a DuckDB or PostgreSQL connection and loads its
 * CSV rows, giving both engines identical values.
 *
 * <p>How the real data is read:
 * <ul>
 *   <li>An unquoted {@code NULL} is SQL NULL. An empty field is the empty string in a text column and
 *       NULL in any other column (it has no other reading there). Text is kept verbatim (non-ASCII,
 *       numbers in text columns, surrounding blanks); other values are trimmed.
 *   <li>Values are parsed in Java ({@code ValueParser}): integers accept {@code 3.0}; dates accept
 *       {@code 1978-2-23} and a midnight time; timestamps accept a date alone.
 *   <li>A column whose declared type cannot hold one of its values is widened, never truncated:
 *       SMALLINT → INTEGER → BIGINT → DOUBLE → TEXT, DECIMAL → DOUBLE → TEXT, DATE/TIMESTAMP/TIME →
 *       TEXT (for instance {@code bike_1.weather.precipitation_inches}, INTEGER in the DDL, holds
 *       {@code 0.23}). Each widening is reported in {@link TableLoad#notes()}.
 *   <li>NOT NULL is dropped from a column holding NULLs, and the primary key from a table whose key
 *       columns hold NULLs or duplicates; both reported.
 *   <li>A table whose CSV is absent (six in SpiderMan) is created empty and reported.
 * </ul>
 * DuckDB rows go through its Appender; PostgreSQL rows through {@code COPY ... FROM STDIN (FORMAT csv)}.
 */
public final class SpiderManLoader {
    private final SpiderManDataset dataset;

    public SpiderManLoader(SpiderManDataset dataset) {
        this.dataset = requireNonNull(dataset, "dataset is null");
    }

    /** What one table received. */
    public record TableLoad(String table, List<SpiderManColumn> columns, long rows, boolean csvAbsent,
            List<String> notes) {
        public TableLoad {
            requireNonNull(table, "table is null");
            columns = List.copyOf(columns);
            notes = List.copyOf(notes);
        }
    }

    /** What one database received. */
    public record LoadReport(String database, String schema, List<TableLoad> tables) {
        public LoadReport {
            requireNonNull(database, "database is null");
            requireNonNull(schema, "schema is null");
            tables = List.copyOf(tables);
        }

        /** Column name → storage kind over all tables; TEXT where any table stores the name as text. */
        public Map<String, SqlType.Kind> columnKinds() {
            Map<String, SqlType.Kind> kinds = new HashMap<>();
            tables.forEach(t -> t.columns().forEach(c -> kinds.merge(c.name(), c.type().kind(),
                    (a, b) -> a == SqlType.Kind.TEXT || b == SqlType.Kind.TEXT ? SqlType.Kind.TEXT : a)));
            return kinds;
        }

        public long rows() {
            return tables.stream().mapToLong(TableLoad::rows).sum();
        }
    }

    /** Loads {@code database} into the schema named after it (lower-cased). */
    public LoadReport load(Connection connection, Dialect dialect, String database) throws SQLException {
        return load(connection, dialect, database, database.toLowerCase(Locale.ROOT));
    }

    /** Creates schema {@code schemaName} with {@code database}'s tables and loads their rows. */
    public LoadReport load(Connection connection, Dialect dialect, String database, String schemaName)
            throws SQLException {
        requireNonNull(connection, "connection is null");
        requireNonNull(dialect, "dialect is null");
        requireNonNull(schemaName, "schemaName is null");
        if (dialect == Dialect.TRINO) {
            throw new IllegalArgumentException("the SpiderMan loader writes to duckdb or postgres, not trino");
        }
        List<TableLoad> loads = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + MySqlDdlTranslator.quote(schemaName));
        }
        for (SpiderManTable declared : dataset.tables(database)) {
            loads.add(loadTable(connection, dialect, database, schemaName, declared));
        }
        return new LoadReport(database, schemaName, loads);
    }

    private TableLoad loadTable(Connection connection, Dialect dialect, String database, String schema,
            SpiderManTable declared) throws SQLException {
        var csv = dataset.tableCsv(database, declared.sourceName());
        List<String> notes = new ArrayList<>();
        List<String[]> raw = csv.isPresent() ? readRows(csv.get(), declared, notes) : List.of();
        if (csv.isEmpty()) {
            notes.add("CSV absent from the dataset: table left empty");
        }
        Prepared prepared = prepare(declared, raw, notes);
        try (Statement s = connection.createStatement()) {
            s.execute(MySqlDdlTranslator.createTable(prepared.table(), dialect, schema));
        }
        if (!prepared.rows().isEmpty()) {
            if (dialect == Dialect.DUCKDB) {
                appendDuckDb(connection, schema, prepared);
            } else {
                copyPostgres(connection, schema, prepared);
            }
        }
        return new TableLoad(prepared.table().name(), prepared.table().columns(), prepared.rows().size(), csv.isEmpty(), notes);
    }

    private record Prepared(SpiderManTable table, List<Object[]> rows) {}

    /** Reads the CSV, ordering fields as the DDL's columns (matched by name, case-insensitively). */
    private List<String[]> readRows(java.nio.file.Path csv, SpiderManTable table, List<String> notes) {
        List<String[]> rows = new ArrayList<>();
        try (CsvReader reader = dataset.openCsv(csv)) {
            List<String> header = reader.next();
            if (header == null) {
                return rows;
            }
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                position.put(String.valueOf(header.get(i)).strip().toLowerCase(Locale.ROOT), i);
            }
            int[] index = new int[table.columns().size()];
            for (int c = 0; c < index.length; c++) {
                Integer at = position.get(table.columns().get(c).name());
                if (at == null) {
                    throw new IllegalArgumentException(csv + ": no column " + table.columns().get(c).name()
                            + " in header " + header);
                }
                index[c] = at;
            }
            List<String> record;
            long line = 1;
            int shortRows = 0;
            while ((record = reader.next()) != null) {
                line++;
                if (record.size() == 1 && record.get(0) != null && record.get(0).isEmpty() && index.length > 1) {
                    continue; // blank line
                }
                String[] row = new String[index.length];
                for (int c = 0; c < index.length; c++) {
                    row[c] = index[c] < record.size() ? record.get(index[c]) : null;
                }
                if (record.size() != header.size()) {
                    shortRows++;
                }
                rows.add(row);
            }
            if (shortRows > 0) {
                notes.add(shortRows + " records with a field count different from the header");
            }
        }
        return rows;
    }

    private static Prepared prepare(SpiderManTable declared, List<String[]> raw, List<String> notes) {
        List<SpiderManColumn> columns = new ArrayList<>(declared.columns());
        int width = columns.size();
        for (int c = 0; c < width; c++) {
            SpiderManColumn column = columns.get(c);
            SqlType type = column.type();
            boolean hasNull = false;
            String example = null;
            for (String[] row : raw) {
                Object v = ValueParser.parse(row[c], type);
                while (v == ValueParser.INVALID) {
                    example = example == null ? row[c] : example;
                    type = ValueParser.wider(type);
                    v = ValueParser.parse(row[c], type);
                }
                hasNull |= v == null;
            }
            if (example != null) {
                notes.add("column " + column.name() + ": " + column.type().render(Dialect.DUCKDB) + " widened to "
                        + type.render(Dialect.DUCKDB) + " for values such as '" + abbreviate(example) + "'");
            }
            column = column.withType(type);
            if (column.notNull() && hasNull) {
                notes.add("column " + column.name() + ": NOT NULL dropped, the data holds NULLs");
                column = column.withNotNull(false);
            }
            columns.set(c, column);
        }
        List<Object[]> rows = new ArrayList<>(raw.size());
        for (String[] row : raw) {
            Object[] values = new Object[width];
            for (int c = 0; c < width; c++) {
                values[c] = ValueParser.parse(row[c], columns.get(c).type());
            }
            rows.add(values);
        }
        SpiderManTable table = declared.withColumns(columns);
        if (!table.primaryKey().isEmpty() && !keyHolds(table, rows)) {
            notes.add("primary key " + table.primaryKey() + " dropped: the data holds NULL or duplicate keys");
            table = table.withPrimaryKey(List.of());
        }
        return new Prepared(table, rows);
    }

    private static boolean keyHolds(SpiderManTable table, List<Object[]> rows) {
        List<Integer> key = new ArrayList<>();
        for (String name : table.primaryKey()) {
            int at = -1;
            for (int c = 0; c < table.columns().size(); c++) {
                if (table.columns().get(c).name().equals(name)) {
                    at = c;
                }
            }
            if (at < 0) {
                return false; // the key names a column the table lacks
            }
            key.add(at);
        }
        Set<List<Object>> seen = new HashSet<>();
        for (Object[] row : rows) {
            List<Object> k = new ArrayList<>(key.size());
            for (int c : key) {
                if (row[c] == null) {
                    return false;
                }
                k.add(row[c] instanceof BigDecimal d ? d.stripTrailingZeros() : row[c]);
            }
            if (!seen.add(k)) {
                return false;
            }
        }
        return true;
    }

    private static void appendDuckDb(Connection connection, String schema, Prepared prepared) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = duck.createAppender(schema.toLowerCase(Locale.ROOT), prepared.table().name())) {
            for (Object[] row : prepared.rows()) {
                appender.beginRow();
                for (Object v : row) {
                    switch (v) {
                        case null -> appender.appendNull();
                        case Short x -> appender.append(x.shortValue());
                        case Integer x -> appender.append(x.intValue());
                        case Long x -> appender.append(x.longValue());
                        case Double x -> appender.append(x.doubleValue());
                        case BigDecimal x -> appender.append(x);
                        case String x -> appender.append(x);
                        case LocalDate x -> appender.append(x);
                        case LocalDateTime x -> appender.append(x);
                        case LocalTime x -> appender.append(x);
                        default -> throw new IllegalStateException("unexpected value type " + v.getClass());
                    }
                }
                appender.endRow();
            }
        }
    }

    private static void copyPostgres(Connection connection, String schema, Prepared prepared) throws SQLException {
        StringBuilder csv = new StringBuilder();
        for (Object[] row : prepared.rows()) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    csv.append(',');
                }
                Object v = row[c];
                if (v instanceof String s) {
                    csv.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else if (v instanceof BigDecimal d) {
                    csv.append(d.toPlainString());
                } else if (v != null) {
                    csv.append(v); // numbers, ISO dates and times
                }
                // null: an unquoted empty field, COPY's NULL in csv format
            }
            csv.append('\n');
        }
        String columns = String.join(", ",
                prepared.table().columns().stream().map(c -> MySqlDdlTranslator.quote(c.name())).toList());
        String sql = "COPY " + MySqlDdlTranslator.quote(schema) + "." + MySqlDdlTranslator.quote(prepared.table().name())
                + " (" + columns + ") FROM STDIN WITH (FORMAT csv)";
        try {
            new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(sql, new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + schema + "." + prepared.table().name() + " failed: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "NULL" : s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
