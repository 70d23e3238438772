package dev.sluice.sql.demo;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One row of {@code analytics.customers}, plus {@code activity}: the customer's relative share of
 * orders (Pareto-distributed, so a fifth of the customers place most orders).
 */
record Customer(int id, String name, String email, String country, String segment, LocalDate signupDate,
        double activity) {
    Customer {
        requireNonNull(name, "name is null");
        requireNonNull(email, "email is null");
        requireNonNull(country, "country is null");
        requireNonNull(segment, "segment is null");
        requireNonNull(signupDate, "signupDate is null");
    }
}
