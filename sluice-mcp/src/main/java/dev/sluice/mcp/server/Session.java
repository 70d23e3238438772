package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * A legacy (2025-era) session opened by {@code initialize}: negotiated revision, client
 * identity and capabilities, log level, resource subscriptions, and the peer state needed for
 * server-to-client requests and cancellation.
 */
public final class Session {
    private final String id;
    private final String protocolVersion;
    private final JsonNode clientInfo;
    private final ObjectNode capabilities;
    private final PendingRequests pending;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final Set<String> resourceSubscriptions = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Subscriber> standaloneStream = new AtomicReference<>();
    private volatile LogLevel logLevel = LogLevel.DEBUG;
    private volatile long lastActiveMillis;
    private volatile boolean initialized;
    private volatile boolean closed;
    private volatile String owner;

    public Session(String id, String protocolVersion, JsonNode clientInfo, ObjectNode capabilities, long nowMillis) {
        this.id = requireNonNull(id, "id is null");
        this.protocolVersion = requireNonNull(protocolVersion, "protocolVersion is null");
        this.clientInfo = clientInfo;
        this.capabilities = capabilities;
        this.pending = new PendingRequests("sluice-" + id.substring(0, Math.min(6, id.length())) + "-");
        this.lastActiveMillis = nowMillis;
    }

    /** Binds the session to the principal that created it; later requests must come from the same one. */
    public void bindOwner(String subject) {
        this.owner = subject;
    }

    /** True when {@code subject} may use this session (a session nobody authenticated is anyone's). */
    public boolean ownedBy(String subject) {
        return java.util.Objects.equals(owner, subject);
    }

    public String id() {
        return id;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    public Caller caller() {
        return new Caller(protocolVersion, false, clientInfo, capabilities, null, this, null);
    }

    public PendingRequests pending() {
        return pending;
    }

    public InFlightRequests inFlight() {
        return inFlight;
    }

    public Set<String> resourceSubscriptions() {
        return resourceSubscriptions;
    }

    public LogLevel logLevel() {
        return logLevel;
    }

    public void setLogLevel(LogLevel level) {
        this.logLevel = requireNonNull(level, "level is null");
    }

    public void touch(long nowMillis) {
        lastActiveMillis = nowMillis;
    }

    public long lastActiveMillis() {
        return lastActiveMillis;
    }

    public boolean isInitialized() {
        return initialized;
    }

    public void markInitialized() {
        initialized = true;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Attaches the GET stream; false if one is already open (a session has at most one). */
    public boolean attachStandaloneStream(Subscriber stream) {
        return standaloneStream.compareAndSet(null, stream);
    }

    public void detachStandaloneStream(Subscriber stream) {
        standaloneStream.compareAndSet(stream, null);
    }

    public Subscriber standaloneStream() {
        return standaloneStream.get();
    }

    void close() {
        closed = true;
        inFlight.cancelAll("session closed");
        pending.failAll("session closed");
        Subscriber s = standaloneStream.getAndSet(null);
        if (s != null) {
            s.close();
        }
    }
}
