package dev.sluice.sql.postgres;

import dev.sluice.core.config.ConfigNode;
import dev.sluice.sql.source.Dialect;
import dev.sluice.sql.source.OpenableSource;
import dev.sluice.sql.source.SourceDefinition;
import dev.sluice.sql.source.SourceFactory;
import dev.sluice.sql.source.SourceSettings;

/** {@code kind: postgres}: {@code url}, {@code user}, {@code password}, optional {@code schema} and {@code pool_size}. */
public final class PostgresSourceFactory implements SourceFactory {
    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public SourceDefinition validate(String name, ConfigNode node, SourceSettings settings) {
        String url = node.string("url", null);
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw node.error("url", "is required and must start with jdbc:postgresql:// (e.g. jdbc:postgresql://127.0.0.1:5432/app)");
        }
        PostgresConfig config = new PostgresConfig(url, node.string("user", null), node.string("password", null),
                node.string("schema", "public"), node.integer("pool_size", 8, 1, 200));
        return new OpenableSource(name, "postgres", Dialect.POSTGRES, settings, () -> PostgresSource.open(name, config, settings));
    }
}
