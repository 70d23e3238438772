package dev.sluice.sql.demo;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One row of {@code analytics.products} (amounts in cents), plus what the order generator needs:
 * {@code popularity} (relative share of order lines) and {@code soldUntil} (the last day it can be
 * ordered; before {@code DemoCalendar.LAST_DAY} only for discontinued products).
 */
record Product(int id, String sku, String name, String category, long priceCents, long costCents,
        LocalDate launchedOn, LocalDate soldUntil, double popularity) {
    Product {
        requireNonNull(sku, "sku is null");
        requireNonNull(name, "name is null");
        requireNonNull(category, "category is null");
        requireNonNull(launchedOn, "launchedOn is null");
        requireNonNull(soldUntil, "soldUntil is null");
    }

    boolean active() {
        return !soldUntil.isBefore(DemoCalendar.LAST_DAY);
    }

    boolean onSale(LocalDate day) {
        return !day.isBefore(launchedOn) && !day.isAfter(soldUntil);
    }

    /** List price in cents on {@code day}: 5 percent lower before the price rise. */
    long priceCentsOn(LocalDate day) {
        return day.isBefore(DemoCalendar.PRICE_RISE) ? Math.round(priceCents * 0.95) : priceCents;
    }
}
