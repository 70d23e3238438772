package dev.sluice.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void start_servesQueriesOnLoopback_andReadOnlyTransactionsRefuseWrites() throws SQLException {
        PostgresServer server = PostgresServer.start();
        assertThat(PostgresServer.start()).isSameAs(server);
        server.createDatabase("sluice_smoke");
        server.createDatabase("sluice_smoke"); // idempotent

        assertThat(server.jdbcUrl("sluice_smoke")).startsWith("jdbc:postgresql://127.0.0.1:");
        try (Connection c = server.connect("sluice_smoke"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select version(), current_user, current_setting('fsync')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
                assertThat(rs.getString(2)).isEqualTo(server.superuser());
                assertThat(rs.getString(3)).isEqualTo("off");
            }
            s.execute("create table if not exists t (id int)");

            c.setAutoCommit(false);
            s.execute("set transaction read only");
            assertThatThrownBy(() -> s.executeUpdate("insert into t values (1)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("read-only transaction");
            c.rollback();
            c.setAutoCommit(true);

            try (ResultSet rs = s.executeQuery("select count(*) from t")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
