package dev.sluice.sql.source;

import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** A validated definition that opens its source with {@code opener}: what every factory returns. */
public record OpenableSource(String name, String kind, Dialect dialect, SourceSettings settings, Supplier<Source> opener)
        implements SourceDefinition {
    public OpenableSource {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(dialect, "dialect is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(opener, "opener is null");
    }

    @Override
    public Source open() {
        return opener.get();
    }
}
