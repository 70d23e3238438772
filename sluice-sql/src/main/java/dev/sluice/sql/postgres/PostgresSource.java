package dev.sluice.sql.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.jdbc.TableListing;
import dev.sluice.sql.jdbc.JdbcCursor;
import dev.sluice.sql.jdbc.SampleRows;
import dev.sluice.sql.source.Capability;
import dev.sluice.sql.source.ColumnInfo;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.source.ForeignKeyInfo;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;
import dev.sluice.sql.source.SourceSettings;
import dev.sluice.sql.source.TableDetail;
import dev.sluice.sql.source.TableInfo;
import dev.sluice.sql.source.TableRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An opened PostgreSQL database behind a pool of read-only connections. */
public final class PostgresSource implements Source {
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.SCHEMAS, Capability.EXPLAIN,
            Capability.CANCEL, Capability.READ_ONLY_SESSION, Capability.ROW_ESTIMATES, Capability.COMMENTS, Capability.KEYS);
    private final String name;
    private final PostgresConfig config;
    private final SourceSettings settings;
    private final HikariDataSource pool;

    private PostgresSource(String name, PostgresConfig config, SourceSettings settings, HikariDataSource pool) {
        this.name = name;
        this.config = config;
        this.settings = settings;
        this.pool = pool;
    }

    static PostgresSource open(String name, PostgresConfig config, SourceSettings settings) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("sluice-" + name);
        hc.setJdbcUrl(config.url());
        if (config.user() != null) {
            hc.setUsername(config.user());
        }
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(1);
        hc.setAutoCommit(false);
        hc.setReadOnly(true);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(10_000);
        hc.addDataSourceProperty("ApplicationName", "sluice");
        hc.addDataSourceProperty("options", "-c search_path=" + config.schema() + ",public");
        try {
            PostgresSource source = new PostgresSource(name, config, settings, new HikariDataSource(hc));
            source.ping();
            return source;
        } catch (RuntimeException e) {
            throw new SourceException("source " + name + ": cannot connect to " + config.url() + ": " + rootMessage(e), null, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRES;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public SourceSettings settings() {
        return settings;
    }

    @Override
    public String defaultSchema() {
        return config.schema();
    }

    @Override
    public Duration ping() {
        long start = System.nanoTime();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            c.rollback();
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (SQLException e) {
            throw new SourceException("source " + name + " is not answering: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static final String TABLES = """
            SELECT n.nspname, c.relname, CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END,
                   CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint END, obj_description(c.oid, 'pg_class')
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
               AND has_table_privilege(c.oid, 'SELECT')
               AND (?::text IS NULL OR n.nspname = ?)
               AND (?::text IS NULL OR c.relname ILIKE ? OR (n.nspname || '.' || c.relname) ILIKE ?)
             ORDER BY 1, 2
            """;

    @Override
    public List<TableInfo> listTables(String schema, String pattern) {
        try (Connection c = pool.getConnection()) {
            List<TableInfo> tables = TableListing.run(c, TABLES, schema, pattern);
            c.rollback();
            return tables;
        } catch (SQLException e) {
            throw new SourceException("listing tables failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    @Override
    public Optional<TableDetail> describe(TableRef table, int sampleRows) {
        List<TableInfo> matches = listTables(table.schema(), null).stream()
                .filter(t -> t.ref().name().equalsIgnoreCase(table.name()))
                .toList();
        if (matches.size() > 1) {
            matches = matches.stream().filter(t -> t.ref().schema().equals(config.schema())).toList();
        }
        if (matches.size() != 1) {
            return Optional.empty();
        }
        TableInfo info = matches.get(0);
        List<ColumnInfo> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<ForeignKeyInfo> foreignKeys = new ArrayList<>();
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = forTable(c, COLUMNS, info.ref()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new ColumnInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), strings(rs, 5)));
                }
            }
            try (PreparedStatement ps = forTable(c, KEYS, info.ref()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("p".equals(rs.getString(1))) {
                        primaryKey.addAll(strings(rs, 2));
                    } else {
                        foreignKeys.add(new ForeignKeyInfo(strings(rs, 2), new TableRef(null, rs.getString(3), rs.getString(4)),
                                strings(rs, 5)));
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new SourceException("describing " + table.display() + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
        List<ObjectNode> sample = SampleRows.read(this, info.ref(), sampleRows);
        return Optional.of(new TableDetail(info, columns, sample, primaryKey, foreignKeys));
    }

    /** Columns in table order: name, type, nullable, comment, and the labels of an enum type (else null). */
    private static final String COLUMNS = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, col_description(a.attrelid, a.attnum),
                   (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = a.atttypid)
              FROM pg_attribute a WHERE a.attrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass
               AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""";

    /** The primary key ('p') and foreign keys ('f'): kind, columns, referenced schema, table and columns, in key order. */
    private static final String KEYS = """
            SELECT k.contype,
                   ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(num, pos)
                          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.pos),
                   rn.nspname, r.relname,
                   ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(num, pos)
                          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.pos)
              FROM pg_constraint k
              LEFT JOIN pg_class r ON r.oid = k.confrelid
              LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
             WHERE k.conrelid = (quote_ident(?) || '.' || quote_ident(?))::regclass AND k.contype IN ('p', 'f')
             ORDER BY k.contype DESC, k.conname""";

    private static PreparedStatement forTable(Connection c, String sql, TableRef table) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, table.schema());
        ps.setString(2, table.name());
        return ps;
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    @Override
    public QueryCursor execute(String sql, List<Object> parameters, Duration timeout, Cancellation cancellation) {
        Connection connection;
        try {
            connection = pool.getConnection();
            connection.setReadOnly(true);
            try (Statement s = connection.createStatement()) {
                // the engine enforces both: no writes in this transaction, and (a second after our own
                // timer, as a backstop) no statement beyond the timeout
                s.execute("SET TRANSACTION READ ONLY");
                s.execute("SET LOCAL statement_timeout = " + (timeout.toMillis() + 1000));
            }
        } catch (SQLException e) {
            throw new SourceException("source " + name + ": cannot start a read-only transaction: " + e.getMessage(), e.getSQLState(), e);
        }
        return JdbcCursor.open(connection, sql, parameters, timeout, cancellation, 1000, PostgresSource::release);
    }

    private static void release(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the pool resets the connection anyway
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // returned to the pool
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
