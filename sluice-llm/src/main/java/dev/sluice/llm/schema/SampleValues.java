package dev.sluice.llm.schema;

import java.util.List;
import java.util.Map;

/** Which values of a text column to show: only when the sample repeats a few values. */
final class SampleValues {
    private SampleValues() {
    }

    /**
     * The most frequent values (ties by value), at most {@code maxValues}, when the sample of
     * {@code seen} non-blank values holds at most {@code maxDistinct} distinct ones, each seen at
     * least twice on average; otherwise none (names, free text, identifiers).
     */
    static List<String> choose(Map<String, Integer> counts, int seen, int maxDistinct, int maxValues) {
        if (counts.isEmpty() || counts.size() > maxDistinct || counts.size() * 2 > seen) {
            return List.of();
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxValues).map(Map.Entry::getKey).toList();
    }
}
