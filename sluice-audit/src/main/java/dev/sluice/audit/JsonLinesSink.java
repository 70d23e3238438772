package dev.sluice.audit;

import java.io.PrintStream;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An {@link AuditLog} that mirrors every record, after the store made it durable, as one JSON line
 * ({@link AuditJson}) on a stream, for log shippers (config {@code audit.stdout: true}). Lines from
 * concurrent appends never interleave. The mirror is best effort: a failing stream never fails an
 * append. Never point it at the stdout of {@code sluice stdio}, which carries the MCP protocol.
 */
public final class JsonLinesSink implements AuditLog {
    private final AuditLog store;
    private final PrintStream out;
    private final Redaction redaction;

    /** Mirrors {@code store}'s appends to {@code out}, redacted by {@code redaction} (use the store's). */
    public JsonLinesSink(AuditLog store, PrintStream out, Redaction redaction) {
        this.store = requireNonNull(store, "store is null");
        this.out = requireNonNull(out, "out is null");
        this.redaction = requireNonNull(redaction, "redaction is null");
    }

    @Override
    public void append(AuditRecord record) {
        store.append(record);
        // what was stored is the redacted record; the mirror must not leak what the store dropped
        String line = AuditJson.toJson(redaction.apply(record));
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        return store.search(query);
    }

    @Override
    public List<AuditRecord> tail(int n) {
        return store.tail(n);
    }

    @Override
    public Optional<AuditRecord> get(String id) {
        return store.get(id);
    }

    @Override
    public long export(AuditQuery query, Writer writer) {
        return store.export(query, writer);
    }

    @Override
    public long purge(Instant olderThan) {
        return store.purge(olderThan);
    }

    @Override
    public AuditStats stats() {
        return store.stats();
    }

    @Override
    public String location() {
        return store.location();
    }

    @Override
    public void close() {
        store.close();
    }
}
