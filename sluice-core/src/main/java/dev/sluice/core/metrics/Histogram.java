package dev.sluice.core.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Observations (in seconds) counted into fixed buckets, with their sum and count. */
public final class Histogram extends Metrics.Family<Histogram.Buckets> {
    private final double[] bounds;

    Histogram(String name, String help, double[] bounds, String[] labelNames) {
        super(name, help, labelNames);
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException(name + ": bucket bounds must increase");
            }
        }
        this.bounds = bounds.clone();
    }

    public void observe(double seconds, String... labelValues) {
        child(labelValues).observe(seconds);
    }

    public void observeNanos(long nanos, String... labelValues) {
        observe(nanos / 1e9, labelValues);
    }

    public long count(String... labelValues) {
        Buckets b = children.get(List.of(labelValues));
        return b == null ? 0 : b.count.sum();
    }

    @Override
    Buckets newChild() {
        return new Buckets(bounds);
    }

    @Override
    void write(StringBuilder out) {
        header(out, "histogram");
        Map<String, Map.Entry<List<String>, Buckets>> sorted = new TreeMap<>();
        children.entrySet().forEach(e -> sorted.put(String.join("\u0000", e.getKey()), e));
        for (Map.Entry<List<String>, Buckets> e : sorted.values()) {
            Buckets b = e.getValue();
            long cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
                cumulative += b.counts[i].sum();
                out.append(name).append("_bucket");
                labels(out, e.getKey(), "le", number(bounds[i]));
                out.append(' ').append(cumulative).append('\n');
            }
            out.append(name).append("_bucket");
            labels(out, e.getKey(), "le", "+Inf");
            out.append(' ').append(b.count.sum()).append('\n');
            out.append(name).append("_sum");
            labels(out, e.getKey(), null, null);
            out.append(' ').append(b.sum.sum()).append('\n');
            out.append(name).append("_count");
            labels(out, e.getKey(), null, null);
            out.append(' ').append(b.count.sum()).append('\n');
        }
    }

    /** One label tuple's buckets; each observation lands in exactly one (cumulated when written). */
    static final class Buckets {
        private final double[] bounds;
        final LongAdder[] counts;
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Buckets(double[] bounds) {
            this.bounds = bounds;
            this.counts = new LongAdder[bounds.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double value) {
            int i = java.util.Arrays.binarySearch(bounds, value);
            int index = i >= 0 ? i : -i - 1;
            if (index < counts.length) {
                counts[index].increment();
            }
            count.increment();
            sum.add(value);
        }
    }
}
