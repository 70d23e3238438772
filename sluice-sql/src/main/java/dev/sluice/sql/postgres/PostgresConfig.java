package dev.sluice.sql.postgres;

import static java.util.Objects.requireNonNull;

/** A PostgreSQL source's own settings; the password never appears in toString. */
public record PostgresConfig(String url, String user, String password, String schema, int poolSize) {
    public PostgresConfig {
        requireNonNull(url, "url is null");
        requireNonNull(schema, "schema is null");
    }

    @Override
    public String toString() {
        return "PostgresConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", schema=" + schema + ", poolSize=" + poolSize + "]";
    }
}
