package dev.sluice.sql.duckdb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.server.Cancellation;
import dev.sluice.sql.jdbc.TableListing;
import dev.sluice.sql.jdbc.JdbcCursor;
import dev.sluice.sql.jdbc.SampleRows;
import dev.sluice.sql.source.Capability;
import dev.sluice.sql.source.ColumnInfo;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.source.QueryCursor;
import dev.sluice.sql.source.Source;
import dev.sluice.sql.source.SourceException;
import dev.sluice.sql.source.SourceSettings;
import dev.sluice.sql.source.TableDetail;
import dev.sluice.sql.source.TableInfo;
import dev.sluice.sql.source.TableRef;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** An opened DuckDB database. Each query runs on its own duplicate connection in a read-only transaction. */
public final class DuckDbSource implements Source {
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.SCHEMAS, Capability.EXPLAIN,
            Capability.CANCEL, Capability.READ_ONLY_SESSION, Capability.ROW_ESTIMATES, Capability.COMMENTS);
    private final String name;
    private final SourceSettings settings;
    private final DuckDBConnection root;

    private DuckDbSource(String name, SourceSettings settings, DuckDBConnection root) {
        this.name = name;
        this.settings = settings;
        this.root = root;
    }

    static DuckDbSource open(String name, DuckDbConfig config, SourceSettings settings) {
        try {
            Properties props = new Properties();
            if (!config.inMemory() && !settings.allowWrites()) {
                props.setProperty("duckdb.read_only", "true");
            }
            String url = config.inMemory() ? "jdbc:duckdb:" : "jdbc:duckdb:" + Path.of(config.path()).toAbsolutePath();
            DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection(url, props);
            DuckDbSetup.prepare(root, config);
            DuckDbSetup.lockDown(root, config);
            return new DuckDbSource(name, settings, root);
        } catch (SQLException e) {
            throw new SourceException("source " + name + ": cannot open DuckDB at " + config.path() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "duckdb";
    }

    @Override
    public Dialect dialect() {
        return Dialect.DUCKDB;
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
        return "main";
    }

    @Override
    public Duration ping() {
        long start = System.nanoTime();
        try (Connection c = root.duplicate(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return Duration.ofNanos(System.nanoTime() - start);
        } catch (SQLException e) {
            throw new SourceException("source " + name + " is not answering: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static final String TABLES = """
            SELECT schema_name, table_name, 'table' AS type, estimated_size AS row_estimate, comment
              FROM duckdb_tables() WHERE NOT internal AND NOT temporary
            UNION ALL
            SELECT schema_name, view_name, 'view', NULL, comment
              FROM duckdb_views() WHERE NOT internal AND NOT temporary
            """;

    @Override
    public List<TableInfo> listTables(String schema, String pattern) {
        String sql = "SELECT * FROM (" + TABLES + ") t WHERE (? IS NULL OR schema_name = ?) "
                + "AND (? IS NULL OR table_name ILIKE ? OR (schema_name || '.' || table_name) ILIKE ?) ORDER BY schema_name, table_name";
        try (Connection c = root.duplicate()) {
            return TableListing.run(c, sql, schema, pattern);
        } catch (SQLException e) {
            throw new SourceException("listing tables failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    @Override
    public Optional<TableDetail> describe(TableRef table, int sampleRows) {
        Optional<TableInfo> found = resolve(table);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TableInfo info = found.get();
        List<ColumnInfo> columns = new ArrayList<>();
        String sql = "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() "
                + "WHERE schema_name = ? AND table_name = ? ORDER BY column_index";
        try (Connection c = root.duplicate(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, info.ref().schema());
            ps.setString(2, info.ref().name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new ColumnInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3), emptyToNull(rs.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw new SourceException("describing " + table.display() + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
        List<ObjectNode> sample = SampleRows.read(this, info.ref(), sampleRows);
        return Optional.of(new TableDetail(info, columns, sample));
    }

    /** Finds a table: qualified names exactly; an unqualified name in main first, then in a single other schema. */
    Optional<TableInfo> resolve(TableRef table) {
        List<TableInfo> all = listTables(null, null);
        List<TableInfo> matches = new ArrayList<>();
        for (TableInfo t : all) {
            boolean nameMatches = t.ref().name().equalsIgnoreCase(table.name());
            boolean schemaMatches = table.schema() == null || t.ref().schema().equalsIgnoreCase(table.schema());
            if (nameMatches && schemaMatches) {
                matches.add(t);
            }
        }
        if (matches.size() > 1 && table.schema() == null) {
            Optional<TableInfo> inMain = matches.stream().filter(t -> t.ref().schema().equals("main")).findFirst();
            if (inMain.isPresent()) {
                return inMain;
            }
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Every table's display name, for "did you mean" suggestions. */
    public Set<String> tableNames() {
        Set<String> names = new LinkedHashSet<>();
        listTables(null, null).forEach(t -> names.add(t.ref().display()));
        return names;
    }

    @Override
    public QueryCursor execute(String sql, List<Object> parameters, Duration timeout, Cancellation cancellation) {
        Connection connection;
        try {
            connection = root.duplicate();
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN TRANSACTION READ ONLY");
            }
        } catch (SQLException e) {
            throw new SourceException("source " + name + ": cannot start a read-only transaction: " + e.getMessage(), e.getSQLState(), e);
        }
        return JdbcCursor.open(connection, sql, parameters, timeout, cancellation, 2048, DuckDbSource::release, DuckDbColumns::forColumn);
    }

    private static void release(Connection connection) {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction may already be over
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
