package dev.sluice.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@link AuditLog} over a JDBC store: appends go through the {@link GroupCommitWriter}; reads,
 * exports and purges each use a connection of their own (SQLite in WAL mode and PostgreSQL both
 * let them run beside the writer).
 */
final class JdbcAuditLog implements AuditLog {
    private static final int PURGE_CHUNK = 5_000;
    private final String location;
    private final Dialect dialect;
    private final ConnectionSource readers;
    private final GroupCommitWriter writer;
    private final Redaction redaction;

    JdbcAuditLog(String location, Dialect dialect, ConnectionSource readers, GroupCommitWriter writer, Redaction redaction) {
        this.location = requireNonNull(location, "location is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.readers = requireNonNull(readers, "readers is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.redaction = requireNonNull(redaction, "redaction is null");
    }

    @Override
    public void append(AuditRecord record) {
        writer.append(redaction.apply(requireNonNull(record, "record is null")));
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        requireNonNull(query, "query is null");
        List<AuditRecord> out = new ArrayList<>();
        select(query, "desc", query.limit(), out::add);
        return out;
    }

    @Override
    public List<AuditRecord> tail(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        List<AuditRecord> out = search(AuditQuery.all().withLimit(n));
        Collections.reverse(out);
        return out;
    }

    @Override
    public Optional<AuditRecord> get(String id) {
        requireNonNull(id, "id is null");
        try (Connection c = readers.open();
             PreparedStatement ps = c.prepareStatement("select * from " + Dialect.TABLE + " where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(dialect.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    @Override
    public long export(AuditQuery query, Writer out) {
        requireNonNull(query, "query is null");
        requireNonNull(out, "out is null");
        long[] count = {0};
        select(query, "desc", query.limit(), r -> {
            try {
                out.write(AuditJson.toJson(r));
                out.write('\n');
                count[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    @Override
    public long purge(Instant olderThan) {
        requireNonNull(olderThan, "olderThan is null");
        String sql = "delete from " + Dialect.TABLE + " where id in (select id from " + Dialect.TABLE
                + " where \"time\" < ? limit " + PURGE_CHUNK + ")";
        long total = 0;
        try (Connection c = readers.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            int n;
            do { // short transactions, so appends wait at most one chunk
                dialect.setTime(ps, 1, olderThan);
                n = ps.executeUpdate();
                total += n;
            } while (n == PURGE_CHUNK);
        } catch (SQLException e) {
            throw new AuditException("could not purge audit records older than " + olderThan + " from " + location
                    + ": " + e.getMessage(), e);
        }
        return total;
    }

    @Override
    public AuditStats stats() {
        return writer.stats();
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void close() {
        writer.close();
    }

    private interface RowSink {
        void accept(AuditRecord record);
    }

    private void select(AuditQuery q, String order, int limit, RowSink sink) {
        StringBuilder sql = new StringBuilder("select * from ").append(Dialect.TABLE).append(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" and \"time\" >= ?");
            params.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" and \"time\" < ?");
            params.add(q.to());
        }
        equal(sql, params, "principal", q.principal());
        equal(sql, params, "tool", q.tool());
        equal(sql, params, "status", q.status() == null ? null : q.status().wireName());
        equal(sql, params, "source", q.source());
        equal(sql, params, "kind", q.kind() == null ? null : q.kind().wireName());
        if (q.text() != null) {
            String pattern = "%" + escapeLike(q.text().toLowerCase(Locale.ROOT)) + "%";
            sql.append(" and (");
            List<String> columns = Dialect.searchedColumns();
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : " or ").append(columns.get(i)).append(' ')
                        .append(dialect.likeOperator()).append(" ? escape '!'");
                params.add(pattern);
            }
            sql.append(')');
        }
        sql.append(" order by \"time\" ").append(order).append(", id ").append(order);
        if (limit != Integer.MAX_VALUE) {
            sql.append(" limit ").append(limit);
        }
        try (Connection c = readers.open()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(500);
                for (int i = 0; i < params.size(); i++) {
                    if (params.get(i) instanceof Instant t) {
                        dialect.setTime(ps, i + 1, t);
                    } else {
                        ps.setString(i + 1, (String) params.get(i));
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(dialect.read(rs));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw readError(e);
        }
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private AuditException readError(SQLException e) {
        return new AuditException("could not read the audit store at " + location + ": " + e.getMessage(), e);
    }
}
