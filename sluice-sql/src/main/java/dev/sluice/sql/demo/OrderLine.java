package dev.sluice.sql.demo;

/** One row of {@code analytics.order_items}; amounts in cents, the discount in whole percent. */
record OrderLine(long orderId, int lineNumber, int productId, int quantity, long unitPriceCents, int discountPct,
        long lineTotalCents) {
    static long lineTotalCents(int quantity, long unitPriceCents, int discountPct) {
        return (quantity * unitPriceCents * (100 - discountPct) + 50) / 100;
    }
}
