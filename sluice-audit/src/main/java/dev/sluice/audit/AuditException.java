package dev.sluice.audit;

/**
 * The audit log could not do what was asked: open its store, make a record durable, or read.
 * The message says what to do. A caller whose {@link AuditLog#append} throws must treat the
 * request as unaudited (and, per the specification, not acknowledge it as a success).
 */
public class AuditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuditException(String message) {
        super(message);
    }

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
