package dev.sluice.sql.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The demo lake's time line and the shape of shopping activity over days and hours (UTC). */
final class DemoCalendar {
    static final LocalDate SIGNUPS_FROM = LocalDate.of(2023, 1, 1);
    static final LocalDate ORDERS_FROM = LocalDate.of(2024, 1, 1);
    /** Last day with orders, sign-ups and events; the lake reads as of 2026-10-01. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 9, 30);
    static final LocalDate EVENTS_FROM = LocalDate.of(2026, 7, 1);
    /** List prices rose 5 percent on this day. */
    static final LocalDate PRICE_RISE = LocalDate.of(2025, 7, 1);

    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private static final double[] MONTH = {0.86, 0.84, 0.95, 0.95, 1.0, 0.96, 0.92, 0.93, 1.0, 1.05, 1.32, 1.45};
    private static final double[] WEEKDAY = {1.06, 1.0, 0.99, 1.0, 0.95, 0.86, 1.1}; // Monday first
    private static final double[] HOUR = {
        1.6, 1.5, 1.3, 1.1, 0.9, 0.7, 0.5, 0.4, 0.4, 0.5, 0.6, 0.7,
        0.8, 1.0, 1.2, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 1.9, 1.8};
    private static final double[] HOUR_CUMULATIVE = Sampler.cumulative(HOUR);

    private DemoCalendar() {
    }

    static int days(LocalDate from, LocalDate toInclusive) {
        return (int) ChronoUnit.DAYS.between(from, toInclusive) + 1;
    }

    /**
     * Relative shopping activity per day from {@code from} to {@code LAST_DAY}: about 55 percent
     * growth a year, a November/December peak, Black Friday and Cyber Monday spikes, a Christmas lull
     * and a weekly rhythm. Returned cumulative, for {@link Sampler#weighted(double[])}.
     */
    static double[] cumulativeActivity(LocalDate from) {
        double[] weights = new double[days(from, LAST_DAY)];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = activity(from.plusDays(i));
        }
        return Sampler.cumulative(weights);
    }

    static double activity(LocalDate day) {
        double years = ChronoUnit.DAYS.between(SIGNUPS_FROM, day) / 365.25;
        double weight = StrictMath.exp(0.44 * years)
                * MONTH[day.getMonthValue() - 1]
                * WEEKDAY[day.getDayOfWeek().getValue() - 1];
        LocalDate blackFriday = LocalDate.of(day.getYear(), 11, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1);
        if (day.equals(blackFriday)) {
            weight *= 3.2;
        } else if (day.equals(blackFriday.plusDays(3))) {
            weight *= 2.4;
        } else if (day.isAfter(blackFriday) && day.isBefore(blackFriday.plusDays(3))) {
            weight *= 1.6;
        }
        if (day.getMonthValue() == 12 && day.getDayOfMonth() >= 24 && day.getDayOfMonth() <= 26) {
            weight *= 0.55;
        }
        return weight;
    }

    /** A second of the day, UTC, following the daily traffic curve. */
    static int secondOfDay(Sampler sampler) {
        return sampler.weighted(HOUR_CUMULATIVE) * 3600 + sampler.nextInt(3600);
    }

    static long epochMicros(LocalDate day, long secondOfDay) {
        return day.toEpochDay() * MICROS_PER_DAY + secondOfDay * MICROS_PER_SECOND;
    }

    static LocalDate dayOf(long epochMicros) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMicros, MICROS_PER_DAY));
    }

    /** Discounts run deeper around Black Friday and in December. */
    static boolean promotionSeason(LocalDate day) {
        return (day.getMonthValue() == 11 && day.getDayOfMonth() >= 20) || day.getMonthValue() == 12;
    }
}
