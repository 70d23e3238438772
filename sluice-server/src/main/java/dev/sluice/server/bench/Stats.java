package dev.sluice.server.bench;

import java.util.Arrays;

/** Summary statistics of a set of latencies in nanoseconds, reported in milliseconds. */
public record Stats(int count, double meanMs, double p50Ms, double p99Ms, double p999Ms, double stddevMs,
                    double minMs, double maxMs) {

    public static Stats of(long[] nanos, int count) {
        if (count == 0) {
            return new Stats(0, 0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        double mean = sum / count;
        double squares = 0;
        for (long n : sorted) {
            squares += (n - mean) * (n - mean);
        }
        return new Stats(count, ms(mean), ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)),
                ms(percentile(sorted, 0.999)), ms(Math.sqrt(squares / count)), ms(sorted[0]), ms(sorted[count - 1]));
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }

    String row(String name) {
        return String.format("%-14s %8d %10.3f %10.3f %10.3f %10.3f %10.3f %10.3f", name, count, meanMs, p50Ms, p99Ms,
                stddevMs, minMs, maxMs);
    }

    static String header() {
        return String.format("%-14s %8s %10s %10s %10s %10s %10s %10s", "operation", "n", "mean ms", "p50 ms", "p99 ms",
                "stddev ms", "min ms", "max ms");
    }
}
