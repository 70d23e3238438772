package dev.sluice.sql.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic sampling on top of a {@link SplittableRandom}. Uses {@link StrictMath} so that the
 * same seed gives the same numbers on every JVM and CPU.
 */
final class Sampler {
    private final SplittableRandom random;

    Sampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double uniform() {
        return random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A uniform int in {@code [from, to]}. */
    int between(int from, int to) {
        return random.nextInt(from, to + 1);
    }

    long nextLong() {
        return random.nextLong();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Pareto with minimum 1 and shape {@code alpha}: alpha 1.16 gives the 80/20 rule. */
    double pareto(double alpha) {
        return StrictMath.pow(1.0 - random.nextDouble(), -1.0 / alpha);
    }

    /** Log-normal with the given median and spread (sigma of the underlying normal). */
    double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** Standard normal by Box-Muller (not {@code nextGaussian}, whose algorithm is unspecified). */
    double gaussian() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Number of failures before the first success, capped at {@code max}. */
    int geometric(double success, int max) {
        int n = 0;
        while (n < max && random.nextDouble() >= success) {
            n++;
        }
        return n;
    }

    /** Index drawn from cumulative weights ({@code cumulative[i]} = sum of weights 0..i). */
    int weighted(double[] cumulative) {
        return weighted(cumulative, cumulative.length);
    }

    /** Index in {@code [0, size)} drawn from the first {@code size} cumulative weights. */
    int weighted(double[] cumulative, int size) {
        double target = random.nextDouble() * cumulative[size - 1];
        int low = 0;
        int high = size - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    static double[] cumulative(double[] weights) {
        double[] sums = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            sums[i] = total;
        }
        return sums;
    }

    /** A lower-case hexadecimal string of {@code digits} random digits. */
    String hex(int digits) {
        StringBuilder text = new StringBuilder(digits);
        while (text.length() < digits) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    /** Upper-case letters and digits, as in Slack ids. */
    String alphanumeric(int length) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
