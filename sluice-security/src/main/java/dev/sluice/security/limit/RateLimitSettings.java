package dev.sluice.security.limit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.core.config.ConfigNode;

/**
 * {@code auth.rate_limit}: sustained requests per second per principal and the burst above it.
 * Absent: no limit.
 *
 * @param requestsPerSecond refill rate, greater than 0
 * @param burst             bucket size: requests allowed at once after an idle period, at least 1
 */
public record RateLimitSettings(double requestsPerSecond, int burst) {
    public RateLimitSettings {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be a positive number, got " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
    }

    /** Reads {@code auth.rate_limit}; {@code burst} defaults to twice the rate, rounded up (at least 1). */
    public static RateLimitSettings read(ConfigNode n) {
        JsonNode rps = n.raw("requests_per_second");
        if (rps == null || rps.isNull()) {
            throw n.error("requests_per_second", "is required, e.g. requests_per_second: 10 (remove rate_limit for no limit)");
        }
        double rate;
        if (rps.isNumber()) {
            rate = rps.asDouble();
        } else {
            try {
                rate = Double.parseDouble(rps.asText());
            } catch (NumberFormatException e) {
                throw n.error("requests_per_second", "must be a number, got '" + rps.asText() + "'");
            }
        }
        if (!(rate > 0) || rate > 1_000_000) {
            throw n.error("requests_per_second", "must be more than 0 and at most 1000000, got " + rps.asText());
        }
        int burst = n.integer("burst", Math.max(1, (int) Math.ceil(rate * 2)), 1, 1_000_000);
        n.rejectUnknownKeys();
        return new RateLimitSettings(rate, burst);
    }
}
