package dev.sluice.sql.demo;

import static java.util.Objects.requireNonNull;

/** One row of {@code analytics.orders}; {@code totalCents} is the sum of its lines' totals. */
record Order(long id, int customerId, long orderedAtMicros, String status, String salesChannel, long totalCents) {
    Order {
        requireNonNull(status, "status is null");
        requireNonNull(salesChannel, "salesChannel is null");
    }
}
