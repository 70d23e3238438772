package dev.sluice.sql.spiderman;

import dev.sluice.sql.source.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MySQL {@code CREATE TABLE} statements into the neutral {@link SpiderManTable} model and
 * writes that model as DuckDB or PostgreSQL DDL.
 *
 * <p>Choices, each so that both engines hold the same values and answer the same way:
 * <ul>
 *   <li>All identifiers are lower-cased and always double-quoted (PostgreSQL folds unquoted names to
 *       lower case; DuckDB matches names case-insensitively), so {@code `Stadium_ID`} is
 *       {@code "stadium_id"} everywhere.
 *   <li>Integers: {@code INT}, {@code INTEGER}, {@code MEDIUMINT}, {@code INT(11)}, {@code YEAR} →
 *       INTEGER; {@code TINYINT}, {@code SMALLINT}, {@code BOOLEAN}/{@code BOOL} (MySQL's
 *       {@code TINYINT(1)}: gold SQL compares them with 0 and 1) → SMALLINT; {@code BIGINT},
 *       {@code BIT(n)} → BIGINT.
 *   <li>{@code REAL}, {@code DOUBLE}, {@code FLOAT}, {@code FLOAT(p[,s])} → double precision (a
 *       single-precision {@code FLOAT} would round differently per engine). {@code DECIMAL(p,s)} /
 *       {@code NUMERIC(p,s)} stay exact; a bare {@code DECIMAL}/{@code NUMERIC} (MySQL reads it as
 *       {@code DECIMAL(10,0)}, which would drop the fractions SpiderMan's data has) → double.
 *   <li>{@code CHAR(n)}, {@code VARCHAR(n)}, {@code *TEXT}, {@code ENUM}, {@code SET}, binary types
 *       → unbounded text: the data exceeds some declared lengths, and PostgreSQL's blank-padded
 *       {@code char(n)} compares differently.
 *   <li>{@code DATE} → DATE; {@code DATETIME}/{@code TIMESTAMP} → TIMESTAMP; {@code TIME} → TIME.
 *   <li>Dropped: inline {@code INDEX}/{@code KEY}/{@code UNIQUE} clauses, {@code AUTO_INCREMENT},
 *       {@code DEFAULT}, {@code COMMENT}, {@code CHARACTER SET}/{@code COLLATE}, table options
 *       ({@code ENGINE=}, {@code CHARSET=}...). Loading supplies every value and the data is read-only.
 *   <li>Primary keys are kept. Foreign keys are parsed into the model but not created: SpiderMan's
 *       data violates many of them and some reference non-unique columns. The loader may further
 *       drop a primary key or NOT NULL that the data violates ({@link SpiderManLoader}).
 * </ul>
 */
public final class MySqlDdlTranslator {
    private static final Pattern CREATE = Pattern.compile(
            "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?((?:`[^`]+`|[\\w$]+)(?:\\s*\\.\\s*(?:`[^`]+`|[\\w$]+))?)\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE = Pattern.compile(
            "([A-Za-z]+(?:\\s+PRECISION|\\s+VARYING)?)\\s*(?:\\(([^)]*)\\))?\\s*(UNSIGNED|SIGNED)?\\s*(ZEROFILL)?",
            Pattern.CASE_INSENSITIVE);

    private MySqlDdlTranslator() {}

    /** Parses every {@code CREATE TABLE} in {@code mysqlDdl}; other statements and comments are ignored. */
    public static List<SpiderManTable> parse(String mysqlDdl) {
        String ddl = stripComments(mysqlDdl);
        List<SpiderManTable> tables = new ArrayList<>();
        Matcher m = CREATE.matcher(ddl);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = matchingParen(ddl, open);
            String qualified = m.group(1);
            List<String> parts = splitTopLevel(qualified, '.');
            String sourceName = unquote(parts.get(parts.size() - 1).trim());
            tables.add(parseBody(sourceName, ddl.substring(open + 1, close)));
            from = close + 1;
        }
        return tables;
    }

    /** {@code CREATE SCHEMA} plus one {@code CREATE TABLE} per table, for {@code dialect}. */
    public static List<String> translate(String mysqlDdl, Dialect dialect, String schema) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        for (SpiderManTable table : parse(mysqlDdl)) {
            statements.add(createTable(table, dialect, schema));
        }
        return statements;
    }

    /** {@code CREATE TABLE "schema"."table" (...)} for {@code dialect}. */
    public static String createTable(SpiderManTable table, Dialect dialect, String schema) {
        if (dialect == Dialect.TRINO) {
            throw new IllegalArgumentException("SpiderMan DDL is written for duckdb and postgres, not trino");
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(schema)).append('.')
                .append(quote(table.name())).append(" (");
        String sep = "\n  ";
        for (SpiderManColumn column : table.columns()) {
            sql.append(sep).append(quote(column.name())).append(' ').append(column.type().render(dialect));
            if (column.notNull()) {
                sql.append(" NOT NULL");
            }
            sep = ",\n  ";
        }
        if (!table.primaryKey().isEmpty()) {
            sql.append(sep).append("PRIMARY KEY (");
            sql.append(String.join(", ", table.primaryKey().stream().map(MySqlDdlTranslator::quote).toList()));
            sql.append(')');
        }
        return sql.append("\n)").toString();
    }

    /** {@code name} as a double-quoted, lower-cased identifier. */
    public static String quote(String name) {
        return '"' + name.toLowerCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    /** Maps a MySQL column type (as written, e.g. {@code int(11) unsigned}) onto the neutral model. */
    public static SqlType mapType(String mysqlType) {
        Matcher m = TYPE.matcher(mysqlType.trim());
        if (!m.lookingAt()) {
            return SqlType.TEXT;
        }
        String base = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String args = m.group(2);
        return switch (base) {
            case "INT", "INTEGER", "MEDIUMINT", "YEAR" -> m.group(3) != null
                    && m.group(3).equalsIgnoreCase("UNSIGNED") ? SqlType.BIGINT : SqlType.INTEGER;
            case "TINYINT", "SMALLINT", "BOOLEAN", "BOOL" -> SqlType.SMALLINT;
            case "BIGINT", "BIT", "SERIAL" -> SqlType.BIGINT;
            case "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT" -> SqlType.DOUBLE;
            case "DECIMAL", "NUMERIC", "DEC", "FIXED" -> decimal(args);
            case "DATE" -> SqlType.DATE;
            case "DATETIME", "TIMESTAMP" -> SqlType.TIMESTAMP;
            case "TIME" -> SqlType.TIME;
            default -> SqlType.TEXT;
        };
    }

    private static SqlType decimal(String args) {
        if (args == null || args.isBlank()) {
            return SqlType.DOUBLE;
        }
        String[] parts = args.split(",");
        try {
            int precision = Integer.parseInt(parts[0].trim());
            int scale = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0;
            return precision <= 38 && scale <= precision ? SqlType.decimal(precision, scale) : SqlType.DOUBLE;
        } catch (NumberFormatException e) {
            return SqlType.DOUBLE;
        }
    }

    private static SpiderManTable parseBody(String sourceName, String body) {
        List<SpiderManColumn> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<SpiderManTable.ForeignKey> foreignKeys = new ArrayList<>();
        for (String raw : splitTopLevel(body, ',')) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            String upper = item.toUpperCase(Locale.ROOT);
            if (upper.startsWith("CONSTRAINT")) {
                // CONSTRAINT name PRIMARY KEY (...) / FOREIGN KEY (...)
                int at = indexOfKeyword(upper, "PRIMARY", "FOREIGN", "UNIQUE", "CHECK");
                if (at < 0) {
                    continue;
                }
                item = item.substring(at);
                upper = upper.substring(at);
            }
            if (upper.startsWith("PRIMARY")) {
                primaryKey.addAll(columnList(item));
            } else if (upper.startsWith("FOREIGN")) {
                int refs = upper.indexOf("REFERENCES");
                List<String> cols = columnList(item.substring(0, refs));
                String rest = item.substring(refs + "REFERENCES".length()).trim();
                int paren = rest.indexOf('(');
                List<String> target = splitTopLevel(rest.substring(0, paren).trim(), '.');
                foreignKeys.add(new SpiderManTable.ForeignKey(cols,
                        unquote(target.get(target.size() - 1).trim()).toLowerCase(Locale.ROOT),
                        columnList(rest.substring(paren))));
            } else if (upper.startsWith("INDEX") || upper.startsWith("KEY") || upper.startsWith("UNIQUE")
                    || upper.startsWith("FULLTEXT") || upper.startsWith("SPATIAL") || upper.startsWith("CHECK")) {
                continue;
            } else {
                columns.add(parseColumn(item, primaryKey));
            }
        }
        return new SpiderManTable(sourceName.toLowerCase(Locale.ROOT), sourceName, columns, primaryKey, foreignKeys);
    }

    private static SpiderManColumn parseColumn(String item, List<String> primaryKey) {
        String name;
        String rest;
        if (item.startsWith("`") || item.startsWith("\"")) {
            int end = item.indexOf(item.charAt(0), 1);
            name = item.substring(1, end);
            rest = item.substring(end + 1).trim();
        } else {
            int space = item.indexOf(' ');
            name = item.substring(0, space);
            rest = item.substring(space + 1).trim();
        }
        Matcher m = TYPE.matcher(rest);
        String mysqlType = m.lookingAt() ? rest.substring(0, m.end()).trim() : rest;
        String constraints = rest.substring(mysqlType.length()).toUpperCase(Locale.ROOT);
        String lower = name.toLowerCase(Locale.ROOT);
        if (constraints.matches("(?s).*\\bPRIMARY\\s+KEY\\b.*")) {
            primaryKey.add(lower);
        }
        boolean notNull = constraints.matches("(?s).*\\bNOT\\s+NULL\\b.*");
        return new SpiderManColumn(lower, mapType(mysqlType), mysqlType, notNull);
    }

    private static int indexOfKeyword(String upper, String... keywords) {
        int best = -1;
        for (String k : keywords) {
            Matcher m = Pattern.compile("\\b" + k + "\\b").matcher(upper);
            if (m.find() && (best < 0 || m.start() < best)) {
                best = m.start();
            }
        }
        return best;
    }

    private static List<String> columnList(String text) {
        int open = text.indexOf('(');
        int close = matchingParen(text, open);
        List<String> names = new ArrayList<>();
        for (String part : splitTopLevel(text.substring(open + 1, close), ',')) {
            String p = part.trim().replaceFirst("\\s*\\(\\d+\\)$", "").replaceFirst("(?i)\\s+(ASC|DESC)$", "");
            names.add(unquote(p).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.charAt(0) == '`' || name.charAt(0) == '"')
                && name.charAt(name.length() - 1) == name.charAt(0)) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in DDL after: "
                + s.substring(open, Math.min(s.length(), open + 60)));
    }

    /** Splits on {@code separator} outside parentheses and quotes. */
    static List<String> splitTopLevel(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String stripComments(String ddl) {
        StringBuilder out = new StringBuilder(ddl.length());
        char quote = 0;
        for (int i = 0; i < ddl.length(); i++) {
            char c = ddl.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
                out.append(c);
            } else if ((c == '-' && ddl.startsWith("-- ", i)) || c == '#') {
                int end = ddl.indexOf('\n', i);
                i = end < 0 ? ddl.length() : end - 1;
            } else if (c == '/' && ddl.startsWith("/*", i)) {
                int end = ddl.indexOf("*/", i + 2);
                i = end < 0 ? ddl.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
