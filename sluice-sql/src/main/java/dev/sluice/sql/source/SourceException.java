package dev.sluice.sql.source;

/**
 * An engine error with a message fit for the model: what went wrong and, where known, the
 * position in the SQL.
 */
public final class SourceException extends RuntimeException {
    private final String sqlState;

    public SourceException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
