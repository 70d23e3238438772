package dev.sluice.llm.eval;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The numbers of one evaluation run, over its {@link QuestionResult}s.
 *
 * @param source           the evaluated source
 * @param provider         the provider kind ({@code none} when no SQL was generated)
 * @param model            the model asked, or null without one
 * @param accuracyMeasured false when no model was available ({@code --provider none}): no SQL, no accuracy
 * @param results          one per question, in question order
 */
public record EvalReport(String source, String provider, String model, boolean accuracyMeasured, List<QuestionResult> results) {
    public EvalReport {
        requireNonNull(source, "source is null");
        requireNonNull(provider, "provider is null");
        results = List.copyOf(results);
    }

    public int questions() {
        return results.size();
    }

    /** Questions whose generated SQL returned the gold SQL's rows. */
    public long matches() {
        return results.stream().filter(r -> Boolean.TRUE.equals(r.match())).count();
    }

    /** Share of all questions that matched; NaN when accuracy was not measured. */
    public double accuracy() {
        return accuracyMeasured && !results.isEmpty() ? (double) matches() / results.size() : Double.NaN;
    }

    public long generated() {
        return results.stream().filter(r -> r.generatedSql() != null && r.status().equals("generated")).count();
    }

    public long retrievalHits() {
        return results.stream().filter(QuestionResult::retrievalHit).count();
    }

    /** Share of questions whose retrieved tables contain every gold table. */
    public double retrievalRecall() {
        return results.isEmpty() ? Double.NaN : (double) retrievalHits() / results.size();
    }

    public long attempts() {
        return results.stream().mapToLong(QuestionResult::attempts).sum();
    }

    public long repairs() {
        return results.stream().mapToLong(QuestionResult::repairs).sum();
    }

    public long inputTokens() {
        return results.stream().mapToLong(QuestionResult::inputTokens).sum();
    }

    public long outputTokens() {
        return results.stream().mapToLong(QuestionResult::outputTokens).sum();
    }

    /** Nearest-rank percentile ({@code p} in 0..100) of generation latency, model calls included. */
    public Duration latency(int p) {
        return percentile(QuestionResult::latency, p);
    }

    /** Nearest-rank percentile of generation latency without the model calls. */
    public Duration latencyWithoutLlm(int p) {
        return percentile(QuestionResult::latencyWithoutLlm, p);
    }

    private Duration percentile(Function<QuestionResult, Duration> f, int p) {
        if (results.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = results.stream().map(f).sorted(Comparator.naturalOrder()).toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    /** The summary table printed at the end of {@code sluice eval}. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        row(b, "source", source);
        row(b, "provider", provider + (model == null ? "" : " (" + model + ")"));
        row(b, "questions", Integer.toString(questions()));
        row(b, "execution accuracy", accuracyMeasured
                ? String.format(Locale.ROOT, "%.1f%% (%d of %d; %d generated)", 100 * accuracy(), matches(), questions(), generated())
                : "not measured (no model: provider " + provider + ")");
        row(b, "retrieval recall", String.format(Locale.ROOT, "%.1f%% (%d of %d)", 100 * retrievalRecall(), retrievalHits(), questions()));
        row(b, "latency p50 / p90", ms(latency(50)) + " / " + ms(latency(90)) + " ms (with the model)");
        row(b, "", ms(latencyWithoutLlm(50)) + " / " + ms(latencyWithoutLlm(90)) + " ms (without the model)");
        row(b, "attempts / repairs", attempts() + " / " + repairs());
        row(b, "tokens in / out", inputTokens() + " / " + outputTokens());
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append(String.format(Locale.ROOT, "%-20s %s%n", name, value));
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6);
    }
}
