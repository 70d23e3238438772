package dev.sluice.sql.demo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/** Generates {@code analytics.products}: 25 products in each of eight categories. */
final class ProductCatalog {
    static final int PER_CATEGORY = 25;

    private record Category(String name, String skuPrefix, String[] brands, String[] items) {
    }

    /** Each item is "name:typical price in USD". */
    private static final List<Category> CATEGORIES = List.of(
            new Category("Electronics", "EL", new String[] {"Kumo", "Voltra", "Nimbus"}, new String[] {
                "Wireless Earbuds:79", "Bluetooth Speaker:59", "USB-C Charger 65W:39", "Smart Watch:249",
                "Noise-Cancelling Headphones:299", "4K Webcam:129", "Portable SSD 1TB:109", "Power Bank:45",
                "E-Reader:139", "Action Camera:329", "Fitness Tracker:89", "Smart Plug:19"}),
            new Category("Home & Kitchen", "HK", new String[] {"Kumo Home", "Casa Verde", "Hearthly"},
                    new String[] {"Pour-Over Coffee Kettle:49", "Chef's Knife:89", "Cast Iron Skillet:39",
                        "Ceramic Dinner Set:119", "Air Fryer:129", "Linen Duvet Cover:99", "Bamboo Cutting Board:29",
                        "Glass Food Containers:35", "Hand Blender:59", "Scented Candle:22", "Desk Lamp:69"}),
            new Category("Outdoors", "OD", new String[] {"Trailhead", "Kumo Outdoor", "Northfall"}, new String[] {
                "Hiking Backpack 30L:119", "Two-Person Tent:229", "Trekking Poles:69", "Insulated Bottle:32",
                "Sleeping Bag:149", "Camping Stove:79", "Headlamp:35", "Rain Jacket:159", "Folding Chair:49"}),
            new Category("Apparel", "AP", new String[] {"Kumo Basics", "Fieldwear", "Loomline"}, new String[] {
                "Merino T-Shirt:55", "Hoodie:69", "Chino Trousers:79", "Running Shoes:129", "Wool Socks:18",
                "Denim Jacket:110", "Rain Boots:85", "Beanie:25", "Linen Shirt:65"}),
            new Category("Books", "BK", new String[] {"Kumo Press", "Lantern Books"}, new String[] {
                "Data Engineering Handbook:49", "SQL Cookbook:39", "Field Guide to Birds:24", "Japanese Home Cooking:32",
                "The Quiet Garden:18", "Statistics for Humans:29", "Illustrated Atlas:45", "Short Stories:16",
                "Travel Journal:14", "Children's Picture Book:12"}),
            new Category("Beauty", "BE", new String[] {"Kumo Care", "Solene", "Mizu"}, new String[] {
                "Face Serum:38", "Sunscreen SPF50:22", "Hand Cream:12", "Shampoo Bar:14", "Clay Mask:26",
                "Lip Balm Set:10", "Hair Dryer:89", "Body Lotion:19", "Perfume:75"}),
            new Category("Toys", "TY", new String[] {"Kumo Kids", "Brickwell", "Playfield"}, new String[] {
                "Building Blocks Set:59", "Wooden Train:45", "Plush Bear:24", "Puzzle 1000 Pieces:21",
                "Remote Control Car:69", "Board Game:39", "Science Kit:49", "Kite:28", "Art Supplies Box:34"}),
            new Category("Office", "OF", new String[] {"Kumo Office", "Deskwise", "Paperline"}, new String[] {
                "Ergonomic Chair:349", "Standing Desk:499", "Notebook Pack:15", "Gel Pens:9",
                "Monitor Arm:119", "Desk Organizer:29", "Whiteboard:79", "Label Printer:99", "Paper Shredder:139"}));

    private static final String[] VARIANTS = {"", " Pro", " Mini", " Lite", " Max", " 2"};
    private static final double[] VARIANT_PRICE = {1.0, 1.45, 0.7, 0.8, 1.75, 1.1};

    private ProductCatalog() {
    }

    static List<Product> generate(long seed) {
        Sampler sampler = new Sampler(seed);
        List<Product> products = new ArrayList<>(CATEGORIES.size() * PER_CATEGORY);
        Set<String> names = new HashSet<>();
        for (Category category : CATEGORIES) {
            for (int n = 1; n <= PER_CATEGORY; n++) {
                String[] item = sampler.pick(category.items()).split(":");
                int variant = sampler.nextInt(VARIANTS.length);
                String name = sampler.pick(category.brands()) + " " + item[0] + VARIANTS[variant];
                if (!names.add(name)) {
                    n--;
                    continue;
                }
                double dollars = Double.parseDouble(item[1]) * VARIANT_PRICE[variant] * sampler.logNormal(1.0, 0.12);
                long priceCents = Math.max(199, Math.round(dollars) * 100 - 1); // prices end in .99
                long costCents = Math.round(priceCents * (0.38 + 0.3 * sampler.uniform()));
                LocalDate launched = sampler.chance(0.75)
                        ? LocalDate.of(2021, 1, 1).plusDays(sampler.nextInt(3 * 365))
                        : LocalDate.of(2024, 2, 1).plusDays(sampler.nextInt(880));
                LocalDate soldUntil = launched.getYear() < 2024 && sampler.chance(0.1)
                        ? LocalDate.of(2024, 6, 1).plusDays(sampler.nextInt(700))
                        : DemoCalendar.LAST_DAY;
                double popularity = 1.0 / (1 + sampler.nextInt(60)) * StrictMath.pow(priceCents / 100.0, -0.35);
                int id = products.size() + 1;
                products.add(new Product(id, "%s-%04d".formatted(category.skuPrefix(), id), name, category.name(),
                        priceCents, costCents, launched, soldUntil, popularity));
            }
        }
        return products;
    }

    static void append(DuckDBConnection duckdb, List<Product> products) throws SQLException {
        try (var appender = duckdb.createAppender("analytics", "products")) {
            for (Product product : products) {
                appender.beginRow()
                        .append(product.id())
                        .append(product.sku())
                        .append(product.name())
                        .append(product.category())
                        .append(BigDecimal.valueOf(product.priceCents(), 2))
                        .append(BigDecimal.valueOf(product.costCents(), 2))
                        .append(product.launchedOn())
                        .append(product.active())
                        .endRow();
            }
        }
    }
}
