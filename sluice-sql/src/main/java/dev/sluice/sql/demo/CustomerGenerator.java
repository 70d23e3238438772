package dev.sluice.sql.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/** Generates {@code analytics.customers}: sign-ups growing over time, countries with a realistic skew. */
final class CustomerGenerator {
    static final int CUSTOMERS = 5_000;

    private static final String[] COUNTRIES = {
        "US", "JP", "GB", "DE", "CA", "FR", "AU", "IN", "BR", "NL", "ES", "MX", "KR", "SE", "IT", "SG", "IE"};
    private static final double[] COUNTRY_SHARE = {
        34, 12, 9, 8, 6, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1.5, 1.5};
    private static final double[] COUNTRY_CUMULATIVE = Sampler.cumulative(COUNTRY_SHARE);

    private static final Map<String, String> LANGUAGE = Map.ofEntries(
            Map.entry("US", "en"), Map.entry("GB", "en"), Map.entry("CA", "en"), Map.entry("AU", "en"),
            Map.entry("IE", "en"), Map.entry("SG", "en"), Map.entry("JP", "ja"), Map.entry("DE", "de"),
            Map.entry("FR", "fr"), Map.entry("IN", "hi"), Map.entry("BR", "pt"), Map.entry("NL", "nl"),
            Map.entry("ES", "es"), Map.entry("MX", "es"), Map.entry("KR", "ko"), Map.entry("SE", "sv"),
            Map.entry("IT", "it"));

    /** Given names, then family names, per language. */
    private static final Map<String, String[][]> NAMES = Map.ofEntries(
            Map.entry("en", names("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Sarah "
                    + "Emma Olivia Noah Liam Ava Sophia Mason Chloe Ethan Grace Lucas Hannah",
                    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
                    + "Martin Jackson Thompson White Harris Clark Lewis Walker Hall Young King Wright")),
            Map.entry("ja", names("Haruto Yuto Sota Ren Kaito Riku Yui Aoi Hina Sakura Yuna Mei Kenta Takumi Daiki Shota "
                    + "Misaki Ayaka Nanami Rina",
                    "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida "
                    + "Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori")),
            Map.entry("de", names("Lukas Leon Finn Jonas Paul Felix Anna Lena Lea Hannah Marie Laura Julia Katharina",
                    "Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter")),
            Map.entry("fr", names("Louis Gabriel Jules Hugo Arthur Lucas Camille Manon Chloe Ines Lea Louise Jade Alice",
                    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent")),
            Map.entry("hi", names("Aarav Vivaan Aditya Arjun Rohan Ishaan Ananya Diya Priya Saanvi Aditi Kavya Neha Riya",
                    "Sharma Verma Patel Gupta Singh Kumar Reddy Iyer Nair Mehta Shah Joshi")),
            Map.entry("pt", names("Miguel Arthur Heitor Davi Pedro Gabriel Maria Alice Laura Helena Valentina Beatriz",
                    "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro")),
            Map.entry("nl", names("Daan Sem Levi Lucas Finn Milan Emma Julia Mila Tess Sophie Zoe",
                    "de_Jong Jansen de_Vries van_den_Berg Bakker Visser Smit Meijer Mulder Bos Vos Peters")),
            Map.entry("es", names("Mateo Santiago Sebastian Diego Alejandro Daniel Sofia Valentina Lucia Camila Isabella "
                    + "Martina", "Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez "
                    + "Torres Flores Rivera")),
            Map.entry("ko", names("Minjun Seojun Doyun Jiho Hajun Siwoo Seoyeon Jiwoo Seoyun Hayoon Minseo Jiyu",
                    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Shin")),
            Map.entry("sv", names("William Liam Noah Hugo Lucas Oscar Alice Maja Elsa Astrid Wilma Freja",
                    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson")),
            Map.entry("it", names("Leonardo Francesco Alessandro Lorenzo Mattia Andrea Sofia Giulia Aurora Alice Ginevra "
                    + "Emma", "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno "
                    + "Gallo")));

    private static final String[] DOMAINS = {"example.com", "example.net", "example.org"};

    private CustomerGenerator() {
    }

    static List<Customer> generate(long seed) {
        Sampler sampler = new Sampler(seed);
        double[] activity = DemoCalendar.cumulativeActivity(DemoCalendar.SIGNUPS_FROM);
        int[] signupDays = new int[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            signupDays[i] = sampler.weighted(activity);
        }
        Arrays.sort(signupDays);
        Set<String> emails = new HashSet<>();
        List<Customer> customers = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            String country = COUNTRIES[sampler.weighted(COUNTRY_CUMULATIVE)];
            String[][] names = NAMES.get(LANGUAGE.get(country));
            String given = sampler.pick(names[0]);
            String family = sampler.pick(names[1]);
            double roll = sampler.uniform();
            String segment = roll < 0.78 ? "consumer" : roll < 0.95 ? "small_business" : "enterprise";
            double weight = StrictMath.min(sampler.pareto(1.16), 120.0)
                    * (segment.equals("enterprise") ? 2.5 : segment.equals("small_business") ? 1.4 : 1.0);
            customers.add(new Customer(i + 1, displayName(given, family), email(sampler, emails, given, family),
                    country, segment, DemoCalendar.SIGNUPS_FROM.plusDays(signupDays[i]), weight));
        }
        return customers;
    }

    static void append(DuckDBConnection duckdb, List<Customer> customers) throws SQLException {
        try (var appender = duckdb.createAppender("analytics", "customers")) {
            for (Customer customer : customers) {
                appender.beginRow()
                        .append(customer.id())
                        .append(customer.name())
                        .append(customer.email())
                        .append(customer.country())
                        .append(customer.segment())
                        .append(customer.signupDate())
                        .endRow();
            }
        }
    }

    static List<String> countries() {
        return List.of(COUNTRIES);
    }

    /** A country drawn with the customers' skew, for anonymous visitors. */
    static String randomCountry(Sampler sampler) {
        return COUNTRIES[sampler.weighted(COUNTRY_CUMULATIVE)];
    }

    /** Cumulative activity weights of the customers in id (= signup) order. */
    static double[] cumulativeActivity(List<Customer> customers) {
        double[] weights = new double[customers.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = customers.get(i).activity();
        }
        return Sampler.cumulative(weights);
    }

    /** How many customers (a prefix of the id-ordered list) had signed up by the end of {@code day}. */
    static int signedUpBy(List<Customer> customers, LocalDate day) {
        int low = 0;
        int high = customers.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (customers.get(mid).signupDate().isAfter(day)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static String displayName(String given, String family) {
        return given + " " + family.replace('_', ' ');
    }

    private static String email(Sampler sampler, Set<String> taken, String given, String family) {
        String first = given.toLowerCase(Locale.ROOT);
        String last = family.replace("_", "").toLowerCase(Locale.ROOT);
        String local = switch (sampler.nextInt(5)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last;
            case 2 -> first + "_" + last + sampler.between(1, 99);
            case 3 -> last + "." + first;
            default -> first + last.charAt(0) + sampler.between(70, 99);
        };
        String domain = sampler.pick(DOMAINS);
        String email = local + "@" + domain;
        for (int n = 2; !taken.add(email); n++) {
            email = local + n + "@" + domain;
        }
        return email;
    }

    private static String[][] names(String given, String family) {
        return new String[][] {given.split(" "), family.split(" ")};
    }
}
