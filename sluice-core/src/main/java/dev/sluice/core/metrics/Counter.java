package dev.sluice.core.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count per label-value tuple. */
public final class Counter extends Metrics.Family<LongAdder> {
    Counter(String name, String help, String[] labelNames) {
        super(name, help, labelNames);
    }

    public void inc(String... labelValues) {
        child(labelValues).increment();
    }

    public void add(long amount, String... labelValues) {
        child(labelValues).add(amount);
    }

    public long value(String... labelValues) {
        LongAdder adder = children.get(List.of(labelValues));
        return adder == null ? 0 : adder.sum();
    }

    @Override
    LongAdder newChild() {
        return new LongAdder();
    }

    @Override
    void write(StringBuilder out) {
        header(out, "counter");
        Map<String, Map.Entry<List<String>, LongAdder>> sorted = new TreeMap<>();
        children.entrySet().forEach(e -> sorted.put(String.join("\u0000", e.getKey()), e));
        for (Map.Entry<List<String>, LongAdder> e : sorted.values()) {
            out.append(name);
            labels(out, e.getKey(), null, null);
            out.append(' ').append(e.getValue().sum()).append('\n');
        }
    }
}
