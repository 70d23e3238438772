package dev.sluice.sql.demo;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * Generates {@code analytics.events} for the last quarter ({@link DemoCalendar#EVENTS_FROM} on):
 * one converting visit per web or app order (ending in a purchase event at the order's time), one
 * sign-up visit per new customer, and browsing visits that end without an order until the table
 * holds about {@link #TARGET_EVENTS} events.
 */
final class EventGenerator {
    static final int TARGET_EVENTS = 200_000;

    /** One event before ids are assigned; nullable ids are 0 when absent. */
    static final List<String> TYPES = List.of("session_start", "page_view", "search", "product_view", "add_to_cart",
            "remove_from_cart", "begin_checkout", "purchase", "sign_up", "login");
    static final List<String> PLATFORMS = List.of("web", "ios", "android");
    static final List<String> DEVICES = List.of("desktop", "mobile", "tablet");

    record Event(long micros, int session, int seq, long sessionKey, int customerId, String type,
            int productId, long orderId, String platform, String device, String country) {
    }

    private static final Comparator<Event> TIME_ORDER = Comparator.comparingLong(Event::micros)
            .thenComparingInt(Event::session).thenComparingInt(Event::seq);

    private final Sampler sampler;
    private final List<Customer> customers;
    private final List<Product> products;
    private final double[] customerWeights;
    private final double[] productWeights;
    private final List<Event> events = new ArrayList<>(TARGET_EVENTS + 64);
    private int sessions;

    private EventGenerator(long seed, List<Customer> customers, List<Product> products) {
        this.sampler = new Sampler(seed);
        this.customers = customers;
        this.products = products;
        this.customerWeights = CustomerGenerator.cumulativeActivity(customers);
        this.productWeights = Sampler.cumulative(products.stream().mapToDouble(Product::popularity).toArray());
    }

    /** The events in time order. */
    static List<Event> generate(long seed, List<Customer> customers, List<Product> products, OrderGenerator.Book book) {
        return new EventGenerator(seed, customers, products).generate(book);
    }

    /**
     * Appends numbers only (strings coded as list positions) to a staging table and lets DuckDB
     * expand them: string appends cost about a microsecond each, too much for 200,000 rows at start-up.
     */
    static void append(DuckDBConnection duckdb, List<Event> events) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE TABLE analytics.events_staging (event_id BIGINT, event_time TIMESTAMP, "
                    + "session_key BIGINT, customer_id INTEGER, event_type TINYINT, product_id INTEGER, "
                    + "order_id BIGINT, platform TINYINT, device TINYINT, country TINYINT)");
        }
        Map<String, Integer> codes = new HashMap<>();
        for (List<String> values : List.of(TYPES, PLATFORMS, DEVICES, CustomerGenerator.countries())) {
            for (int i = 0; i < values.size(); i++) {
                codes.put(values.get(i), i + 1);
            }
        }
        try (var appender = duckdb.createAppender("analytics", "events_staging")) {
            long id = 1;
            for (Event event : events) {
                appender.beginRow()
                        .append(id++)
                        .appendEpochMicros(event.micros())
                        .append(event.sessionKey());
                if (event.customerId() == 0) {
                    appender.appendNull();
                } else {
                    appender.append(event.customerId());
                }
                appender.append(codes.get(event.type()).byteValue());
                if (event.productId() == 0) {
                    appender.appendNull();
                } else {
                    appender.append(event.productId());
                }
                if (event.orderId() == 0) {
                    appender.appendNull();
                } else {
                    appender.append(event.orderId());
                }
                appender.append(codes.get(event.platform()).byteValue())
                        .append(codes.get(event.device()).byteValue())
                        .append(codes.get(event.country()).byteValue())
                        .endRow();
            }
        }
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("INSERT INTO analytics.events SELECT event_id, event_time, "
                    + "lpad(lower(to_hex(session_key)), 16, '0'), customer_id, " + list(TYPES) + "[event_type], "
                    + "product_id, order_id, " + list(PLATFORMS) + "[platform], " + list(DEVICES) + "[device], "
                    + list(CustomerGenerator.countries()) + "[country] FROM analytics.events_staging ORDER BY event_id");
            statement.execute("DROP TABLE analytics.events_staging");
        }
    }

    private static String list(List<String> values) {
        return values.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private List<Event> generate(OrderGenerator.Book book) {
        long from = DemoCalendar.epochMicros(DemoCalendar.EVENTS_FROM, 3600);
        List<List<OrderLine>> linesByOrder = linesByOrder(book);
        for (int i = 0; i < book.orders().size(); i++) {
            Order order = book.orders().get(i);
            if (order.orderedAtMicros() >= from && !order.salesChannel().equals("marketplace")) {
                purchaseVisit(order, linesByOrder.get(i));
            }
        }
        for (Customer customer : customers) {
            if (!customer.signupDate().isBefore(DemoCalendar.EVENTS_FROM)) {
                signUpVisit(customer);
            }
        }
        double[] days = DemoCalendar.cumulativeActivity(DemoCalendar.EVENTS_FROM);
        while (events.size() < TARGET_EVENTS) {
            LocalDate day = DemoCalendar.EVENTS_FROM.plusDays(sampler.weighted(days));
            browseVisit(day, DemoCalendar.epochMicros(day, DemoCalendar.secondOfDay(sampler)));
        }
        long end = DemoCalendar.epochMicros(DemoCalendar.LAST_DAY.plusDays(1), 0);
        events.removeIf(event -> event.micros() >= end); // visits cut at the end of the last day
        events.sort(TIME_ORDER);
        return events;
    }

    private static List<List<OrderLine>> linesByOrder(OrderGenerator.Book book) {
        List<List<OrderLine>> byOrder = new ArrayList<>(book.orders().size());
        long firstId = book.orders().get(0).id();
        for (int i = 0; i < book.orders().size(); i++) {
            byOrder.add(new ArrayList<>(4));
        }
        for (OrderLine line : book.lines()) {
            byOrder.get((int) (line.orderId() - firstId)).add(line);
        }
        return byOrder;
    }

    /** Events of a visit that ended in {@code order}, laid out backwards from the order's time. */
    private void purchaseVisit(Order order, List<OrderLine> lines) {
        Customer customer = customers.get(order.customerId() - 1);
        LocalDate day = DemoCalendar.dayOf(order.orderedAtMicros());
        List<String> types = new ArrayList<>();
        List<Integer> productIds = new ArrayList<>();
        types.add("session_start");
        productIds.add(0);
        if (sampler.chance(0.5)) {
            types.add("login");
            productIds.add(0);
        }
        for (int i = sampler.between(1, 3); i > 0; i--) {
            types.add("page_view");
            productIds.add(0);
        }
        if (sampler.chance(0.4)) {
            types.add("search");
            productIds.add(0);
        }
        for (OrderLine line : lines) {
            for (int i = sampler.geometric(0.6, 2); i >= 0; i--) {
                Product other = OrderGenerator.pickProduct(sampler, products, productWeights, day, new int[0], 0);
                if (i > 0 && other != null) {
                    types.add("product_view");
                    productIds.add(other.id());
                }
            }
            types.add("product_view");
            productIds.add(line.productId());
            types.add("add_to_cart");
            productIds.add(line.productId());
        }
        types.add("begin_checkout");
        productIds.add(0);
        types.add("purchase");
        productIds.add(0);

        String[] platform = platform(order.salesChannel().equals("app") ? "app" : "web");
        long[] times = new long[types.size()];
        times[times.length - 1] = order.orderedAtMicros();
        for (int i = times.length - 2; i >= 0; i--) {
            times[i] = times[i + 1] - gapMicros();
        }
        startVisit();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            add(times[i], customer.id(), type, productIds.get(i), type.equals("purchase") ? order.id() : 0,
                    platform, customer.country());
        }
    }

    private void signUpVisit(Customer customer) {
        long time = DemoCalendar.epochMicros(customer.signupDate(), DemoCalendar.secondOfDay(sampler));
        String[] platform = platform(sampler.chance(0.6) ? "web" : "app");
        startVisit();
        add(time, 0, "session_start", 0, 0, platform, customer.country());
        time += gapMicros();
        add(time, 0, "page_view", 0, 0, platform, customer.country());
        time += gapMicros();
        add(time, customer.id(), "sign_up", 0, 0, platform, customer.country());
    }

    private void browseVisit(LocalDate day, long time) {
        int customerId = 0;
        String country;
        if (sampler.chance(0.35)) {
            Customer customer = customers.get(
                    sampler.weighted(customerWeights, CustomerGenerator.signedUpBy(customers, day)));
            customerId = customer.id();
            country = customer.country();
        } else {
            country = CustomerGenerator.randomCountry(sampler);
        }
        double roll = sampler.uniform();
        String[] platform = platform(roll < 0.55 ? "web" : "app");
        startVisit();
        add(time, customerId, "session_start", 0, 0, platform, country);
        if (customerId != 0 && sampler.chance(0.3)) {
            time += gapMicros();
            add(time, customerId, "login", 0, 0, platform, country);
        }
        for (int i = sampler.between(1, 3); i > 0; i--) {
            time += gapMicros();
            add(time, customerId, "page_view", 0, 0, platform, country);
        }
        int inCart = 0;
        for (int i = sampler.geometric(0.35, 8); i > 0; i--) {
            if (sampler.chance(0.25)) {
                time += gapMicros();
                add(time, customerId, "search", 0, 0, platform, country);
            }
            Product product = OrderGenerator.pickProduct(sampler, products, productWeights, day, new int[0], 0);
            if (product == null) {
                continue;
            }
            time += gapMicros();
            add(time, customerId, "product_view", product.id(), 0, platform, country);
            if (sampler.chance(0.12)) {
                time += gapMicros();
                add(time, customerId, "add_to_cart", product.id(), 0, platform, country);
                inCart++;
                if (sampler.chance(0.2)) {
                    time += gapMicros();
                    add(time, customerId, "remove_from_cart", product.id(), 0, platform, country);
                    inCart--;
                }
            }
        }
        if (inCart > 0 && sampler.chance(0.3)) {
            time += gapMicros();
            add(time, customerId, "begin_checkout", 0, 0, platform, country);
        }
    }

    /** {platform, device} for a web or app visit. */
    private String[] platform(String channel) {
        double roll = sampler.uniform();
        if (channel.equals("web")) {
            return new String[] {"web", roll < 0.58 ? "desktop" : roll < 0.94 ? "mobile" : "tablet"};
        }
        return new String[] {sampler.chance(0.56) ? "ios" : "android", roll < 0.91 ? "mobile" : "tablet"};
    }

    private long gapMicros() {
        return (long) (sampler.logNormal(22.0, 0.8) * DemoCalendar.MICROS_PER_SECOND);
    }

    private long sessionKey;

    private void startVisit() {
        sessions++;
        sessionKey = sampler.nextLong() >>> 1;
    }

    private void add(long micros, int customerId, String type, int productId, long orderId, String[] platform,
            String country) {
        events.add(new Event(micros, sessions, events.size(), sessionKey, customerId, type, productId, orderId,
                platform[0], platform[1], country));
    }
}
