package dev.sluice.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** The registry: families created once at start-up, each with fixed label names. */
public final class Metrics {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    /** Seconds: from 50 µs (a quick tool) to 30 s (a long query). */
    public static final double[] LATENCY_BUCKETS = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
            0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    private final Map<String, Family<?>> families = new ConcurrentHashMap<>();
    private final List<Family<?>> ordered = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, labelNames));
    }

    public Histogram histogram(String name, String help, double[] buckets, String... labelNames) {
        return register(new Histogram(name, help, buckets, labelNames));
    }

    private <F extends Family<?>> F register(F family) {
        if (!NAME.matcher(family.name).matches()) {
            throw new IllegalArgumentException("not a Prometheus metric name: " + family.name);
        }
        if (families.putIfAbsent(family.name, family) != null) {
            throw new IllegalArgumentException("metric registered twice: " + family.name);
        }
        ordered.add(family);
        return family;
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        for (Family<?> family : new ArrayList<>(ordered)) {
            family.write(out);
        }
        return out.toString();
    }

    /** A metric name, its help text, label names, and one child per label-value tuple. */
    abstract static sealed class Family<C> permits Counter, Histogram {
        final String name;
        final String help;
        final String[] labelNames;
        final Map<List<String>, C> children = new ConcurrentHashMap<>();

        Family(String name, String help, String[] labelNames) {
            this.name = requireNonNull(name, "name is null");
            this.help = requireNonNull(help, "help is null");
            this.labelNames = labelNames.clone();
        }

        C child(String... labelValues) {
            if (labelValues.length != labelNames.length) {
                throw new IllegalArgumentException(name + " takes " + labelNames.length + " label values, got " + labelValues.length);
            }
            return children.computeIfAbsent(List.of(labelValues), k -> newChild());
        }

        abstract C newChild();

        abstract void write(StringBuilder out);

        void header(StringBuilder out, String type) {
            out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }

        void labels(StringBuilder out, List<String> values, String extraName, String extraValue) {
            if (labelNames.length == 0 && extraName == null) {
                return;
            }
            out.append('{');
            for (int i = 0; i < labelNames.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labelNames[i]).append("=\"").append(escape(values.get(i))).append('"');
            }
            if (extraName != null) {
                out.append(labelNames.length > 0 ? "," : "").append(extraName).append("=\"").append(extraValue).append('"');
            }
            out.append('}');
        }

        static String escape(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        }

        static String number(double v) {
            if (v == Double.POSITIVE_INFINITY) {
                return "+Inf";
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
