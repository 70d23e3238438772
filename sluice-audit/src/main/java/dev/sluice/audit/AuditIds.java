package dev.sluice.audit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * Time-ordered record ids: UUIDv7 (RFC 9562) in their canonical lower-case text form, so ids sort
 * as text in creation order. Within one generator ids are strictly increasing, even for equal or
 * backwards times (the 12-bit {@code rand_a} field counts within a millisecond). Thread-safe.
 */
public final class AuditIds {
    private final RandomGenerator random;
    private long lastMillis = -1;
    private int counter;

    /** A generator with a {@link SecureRandom} source. */
    public static AuditIds create() {
        return new AuditIds(new SecureRandom());
    }

    public AuditIds(RandomGenerator random) {
        this.random = requireNonNull(random, "random is null");
    }

    /** A new id for a record at {@code time}. */
    public String next(Instant time) {
        requireNonNull(time, "time is null");
        long millis;
        int seq;
        synchronized (this) {
            millis = Math.max(time.toEpochMilli(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter > 0xFFF) {
                    millis++;
                    counter = 0;
                }
            } else {
                counter = random.nextInt(0x400); // leaves room to count within the millisecond
            }
            lastMillis = millis;
            seq = counter;
        }
        long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | seq;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
