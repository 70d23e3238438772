package dev.sluice.core.files;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * A value read from a file and read again when the file changes, so a running server sees what a
 * command (or an editor) wrote without a restart. {@link #get()} looks at the file's
 * {@linkplain FileStamp stamp} at most once per interval (by the injected clock) and re-reads it
 * only when the stamp changed. A version that cannot be read leaves the last good value in place
 * and is logged once, not on every call; {@link #reload()} re-reads now and throws instead.
 *
 * @param <T> the value read
 */
public final class ReloadingFile<T> {
    private static final Logger LOG = Logger.getLogger(ReloadingFile.class.getName());

    /** {@code read} is false until the file has been read once (a missing file is a version too). */
    private record Snapshot<T>(T value, FileStamp stamp, boolean read) {
    }

    private final Path file;
    private final Clock clock;
    private final Duration interval;
    private final Function<Path, T> reader;
    private final Object lock = new Object();
    private volatile Snapshot<T> snapshot;
    private volatile Instant lastCheck = Instant.MIN;
    private boolean failing;       // guarded by lock: the last read failed ...
    private FileStamp failedStamp; // ... on this version, which get() does not read (or log) again

    /**
     * Nothing is read yet: the first {@link #get()} or {@link #reload()} reads the file (even a
     * missing one: the reader decides what that means); until then, and while the first read fails,
     * the value is {@code initial}.
     *
     * @param reader reads the file; throws with a message saying what is wrong when it cannot
     */
    public ReloadingFile(Path file, Clock clock, Duration interval, Function<Path, T> reader, T initial) {
        this.file = requireNonNull(file, "file is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.interval = requireNonNull(interval, "interval is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.snapshot = new Snapshot<>(initial, null, false);
    }

    public Path file() {
        return file;
    }

    /** The value, after re-reading the file if the interval has passed and the file changed. */
    public T get() {
        if (due()) {
            synchronized (lock) {
                if (due()) { // another thread may have looked while this one waited
                    try {
                        refresh(false);
                    } catch (RuntimeException e) {
                        LOG.warning(file + " changed but cannot be read, so the last good version stays in use until it is "
                                + "fixed: " + e.getMessage());
                    }
                }
            }
        }
        return snapshot.value();
    }

    /**
     * Re-reads the file now if it changed since the last read, and returns the value.
     *
     * @throws RuntimeException what the reader threw, when the file cannot be read
     */
    public T reload() {
        synchronized (lock) {
            refresh(true);
            return snapshot.value();
        }
    }

    /** The caller has just written {@code value} to the file itself: keep it without reading the file back. */
    public void replaced(T value) {
        synchronized (lock) {
            snapshot = new Snapshot<>(value, FileStamp.of(file), true);
            failing = false;
            lastCheck = clock.instant();
        }
    }

    private boolean due() {
        return lastCheck == Instant.MIN || !clock.instant().isBefore(lastCheck.plus(interval));
    }

    /** Throws when the read fails; {@code get()} passes over a version that already failed, so it logs once. */
    private void refresh(boolean forced) {
        lastCheck = clock.instant();
        FileStamp stamp = FileStamp.of(file);
        if (snapshot.read() && Objects.equals(stamp, snapshot.stamp())
                || !forced && failing && Objects.equals(stamp, failedStamp)) {
            return;
        }
        try {
            snapshot = new Snapshot<>(reader.apply(file), stamp, true);
            failing = false;
        } catch (RuntimeException e) {
            failing = true;
            failedStamp = stamp;
            throw e;
        }
    }
}
