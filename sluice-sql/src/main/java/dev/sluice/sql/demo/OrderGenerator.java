package dev.sluice.sql.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * Generates {@code analytics.orders} and {@code analytics.order_items}: order times follow
 * {@link DemoCalendar#activity}, customers are drawn by their Pareto activity among those already
 * signed up, products by popularity among those on sale, and each order's total is the sum of its
 * lines.
 */
final class OrderGenerator {
    static final int ORDERS = 60_000;

    /** Orders and their lines, both in id order. */
    record Book(List<Order> orders, List<OrderLine> lines) {
    }

    private OrderGenerator() {
    }

    static Book generate(long seed, List<Customer> customers, List<Product> products) {
        Sampler sampler = new Sampler(seed);
        double[] days = DemoCalendar.cumulativeActivity(DemoCalendar.ORDERS_FROM);
        long[] times = new long[ORDERS];
        for (int i = 0; i < ORDERS; i++) {
            LocalDate day = DemoCalendar.ORDERS_FROM.plusDays(sampler.weighted(days));
            times[i] = DemoCalendar.epochMicros(day, DemoCalendar.secondOfDay(sampler));
        }
        Arrays.sort(times);
        double[] customerWeights = CustomerGenerator.cumulativeActivity(customers);
        double[] productWeights = Sampler.cumulative(products.stream().mapToDouble(Product::popularity).toArray());
        int totalDays = DemoCalendar.days(DemoCalendar.ORDERS_FROM, DemoCalendar.LAST_DAY);

        List<Order> orders = new ArrayList<>(ORDERS);
        List<OrderLine> lines = new ArrayList<>(ORDERS * 5 / 2);
        int[] chosen = new int[16];
        for (int i = 0; i < ORDERS; i++) {
            long orderId = 100_001L + i;
            LocalDate day = DemoCalendar.dayOf(times[i]);
            Customer customer = customers.get(
                    sampler.weighted(customerWeights, CustomerGenerator.signedUpBy(customers, day)));
            boolean enterprise = customer.segment().equals("enterprise");
            double progress = ChronoUnit.DAYS.between(DemoCalendar.ORDERS_FROM, day) / (double) totalDays;
            String channel = sampler.chance(0.1) ? "marketplace"
                    : sampler.chance(0.25 + 0.2 * progress) ? "app" : "web";
            int lineCount = 1 + sampler.geometric(0.42, 11) + (enterprise && sampler.chance(0.5) ? 1 : 0);
            int count = 0;
            long total = 0;
            for (int n = 0; n < lineCount || count == 0; n++) { // every order has a line
                Product product = pickProduct(sampler, products, productWeights, day, chosen, count);
                if (product == null) {
                    continue;
                }
                chosen[count++] = product.id();
                int quantity = quantity(sampler, enterprise);
                int discount = discount(sampler, day, quantity);
                long unit = product.priceCentsOn(day);
                long lineTotal = OrderLine.lineTotalCents(quantity, unit, discount);
                lines.add(new OrderLine(orderId, count, product.id(), quantity, unit, discount, lineTotal));
                total += lineTotal;
            }
            orders.add(new Order(orderId, customer.id(), times[i], status(sampler, day), channel, total));
        }
        return new Book(orders, lines);
    }

    static void append(DuckDBConnection duckdb, Book book) throws SQLException {
        try (var appender = duckdb.createAppender("analytics", "orders")) {
            for (Order order : book.orders()) {
                appender.beginRow()
                        .append(order.id())
                        .append(order.customerId())
                        .appendEpochMicros(order.orderedAtMicros())
                        .append(order.status())
                        .append(order.salesChannel())
                        .append("USD")
                        .appendDecimal(order.totalCents())
                        .endRow();
            }
        }
        try (var appender = duckdb.createAppender("analytics", "order_items")) {
            for (OrderLine line : book.lines()) {
                appender.beginRow()
                        .append(line.orderId())
                        .append(line.lineNumber())
                        .append(line.productId())
                        .append(line.quantity())
                        .appendDecimal(line.unitPriceCents()) // DECIMAL(10,2): unscaled long
                        .appendDecimal(line.discountPct() * 100) // DECIMAL(5,2): unscaled int
                        .appendDecimal(line.lineTotalCents())
                        .endRow();
            }
        }
    }

    /** A product on sale on {@code day} and not yet in the order, or null when none turns up quickly. */
    static Product pickProduct(Sampler sampler, List<Product> products, double[] weights, LocalDate day,
            int[] exclude, int excluded) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Product product = products.get(sampler.weighted(weights));
            if (product.onSale(day) && !contains(exclude, excluded, product.id())) {
                return product;
            }
        }
        return null;
    }

    private static boolean contains(int[] values, int size, int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static int quantity(Sampler sampler, boolean enterprise) {
        double roll = sampler.uniform();
        int quantity = roll < 0.74 ? 1 : roll < 0.9 ? 2 : roll < 0.96 ? 3 : sampler.between(4, 6);
        return enterprise && sampler.chance(0.5) ? quantity * sampler.between(2, 10) : quantity;
    }

    private static int discount(Sampler sampler, LocalDate day, int quantity) {
        int discount;
        if (DemoCalendar.promotionSeason(day)) {
            discount = sampler.chance(0.45) ? 0 : 5 * sampler.between(2, 6);
        } else {
            discount = sampler.chance(0.82) ? 0 : 5 * sampler.between(1, 3);
        }
        return Math.min(40, quantity >= 10 ? discount + 5 : discount);
    }

    private static String status(Sampler sampler, LocalDate day) {
        long age = ChronoUnit.DAYS.between(day, DemoCalendar.LAST_DAY);
        double roll = sampler.uniform();
        if (age <= 1) {
            return roll < 0.75 ? "processing" : roll < 0.95 ? "shipped" : "cancelled";
        }
        if (age <= 6) {
            return roll < 0.1 ? "processing" : roll < 0.65 ? "shipped" : roll < 0.95 ? "completed" : "cancelled";
        }
        return roll < 0.915 ? "completed" : roll < 0.955 ? "cancelled" : "returned";
    }
}
