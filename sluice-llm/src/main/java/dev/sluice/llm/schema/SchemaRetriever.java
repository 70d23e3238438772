package dev.sluice.llm.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the tables a question needs from a {@link SchemaCatalog}. Built once per catalogue snapshot
 * (embedding every table takes a few milliseconds each); {@link #retrieve} is then cheap and safe to
 * call from many threads. See {@link RetrieverSettings} for how the signals are fused.
 */
public final class SchemaRetriever {
    private final SchemaCatalog catalog;
    private final RetrieverSettings settings;
    private final TextEmbedder embedder;
    private final List<CatalogTable> tables;
    private final Bm25Index tableIndex;
    private final Bm25Index schemaIndex;
    private final int[] schemaOf;
    private final String[] schemaKeys;
    private final float[][] tableVectors;
    private final float[][] schemaVectors;
    private final int dimensions;
    private final int[][] neighbours;
    private final int[] renderedChars;

    private SchemaRetriever(SchemaCatalog catalog, RetrieverSettings settings, TextEmbedder embedder) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.embedder = embedder;
        this.tables = catalog.tables();
        int n = tables.size();
        Map<String, Integer> schemaIds = new LinkedHashMap<>();
        List<Map<String, Double>> tableBags = new ArrayList<>(n);
        List<Map<String, Double>> schemaBags = new ArrayList<>();
        schemaOf = new int[n];
        renderedChars = new int[n];
        for (int i = 0; i < n; i++) {
            CatalogTable t = tables.get(i);
            Map<String, Double> bag = TableDocuments.terms(t);
            tableBags.add(bag);
            int s = schemaIds.computeIfAbsent(schemaKey(t), k -> {
                Map<String, Double> schemaBag = new HashMap<>();
                TableDocuments.add(schemaBag, t.schema(), TableDocuments.TABLE_NAME);
                schemaBags.add(schemaBag);
                return schemaBags.size() - 1;
            });
            schemaOf[i] = s;
            bag.forEach((term, w) -> schemaBags.get(s).merge(term, w, Double::sum));
            renderedChars[i] = SchemaContext.table(t, SchemaContext.Detail.FULL).length();
        }
        schemaKeys = schemaIds.keySet().toArray(String[]::new);
        tableIndex = Bm25Index.build(tableBags);
        schemaIndex = Bm25Index.build(schemaBags);
        neighbours = foreignKeyNeighbours(tables);
        if (embedder != null) {
            tableVectors = embedder.embedAll(tables.stream().map(TableDocuments::sentence).toList()).toArray(float[][]::new);
            dimensions = sameLength(tableVectors);
            schemaVectors = meanBySchema(tableVectors, schemaOf, schemaKeys.length);
        } else {
            tableVectors = null;
            schemaVectors = null;
            dimensions = 0;
        }
    }

    /** A retriever using BM25 only: no model is loaded. */
    public static SchemaRetriever lexical(SchemaCatalog catalog, RetrieverSettings settings) {
        return new SchemaRetriever(catalog, settings, null);
    }

    /** A retriever fusing BM25 with {@code embedder}'s similarities; embeds every table now. */
    public static SchemaRetriever hybrid(SchemaCatalog catalog, RetrieverSettings settings, TextEmbedder embedder) {
        return new SchemaRetriever(catalog, settings, requireNonNull(embedder, "embedder is null"));
    }

    public SchemaCatalog catalog() {
        return catalog;
    }

    public RetrieverSettings settings() {
        return settings;
    }

    /**
     * The best {@code k} tables for {@code question} among those the hints allow, best first; every
     * candidate when they all fit {@link RetrieverSettings#wholeSchemaChars()}.
     */
    public Retrieval retrieve(String question, RetrievalHints hints, int k) {
        requireNonNull(question, "question is null");
        requireNonNull(hints, "hints is null");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        return rank(signals(question, hints), settings, k);
    }

    /** What the embedding model is given for {@code question}: its content words (see {@link Terms#contentWords}). */
    public static String embeddingInput(String question) {
        return Terms.contentWords(question);
    }

    /** The raw per-table signals of one question; package-private so tuning can re-fuse them cheaply. */
    Signals signals(String question, RetrievalHints hints) {
        int hinted = hints.table() == null ? -1 : find(hints.table(), hints);
        int[] candidates = candidates(hints, hinted);
        Set<String> terms = Bm25Index.distinct(Terms.of(question));
        double[] lex = tableIndex.score(terms);
        double[] schemaLex = schemaIndex.score(terms);
        double[] sem = null;
        double[] schemaSem = null;
        if (embedder != null && settings.semanticWeight() + settings.schemaWeight() > 0 && candidates.length > 0) {
            float[] q = embedder.embed(embeddingInput(question));
            if (q.length != dimensions) {
                throw new IllegalStateException("the embedder gave a question vector of " + q.length
                        + " dimensions, but the tables were embedded with " + dimensions);
            }
            sem = new double[tables.size()];
            for (int c : candidates) {
                sem[c] = dot(q, tableVectors[c]);
            }
            schemaSem = new double[schemaKeys.length];
            for (int s = 0; s < schemaKeys.length; s++) {
                schemaSem[s] = dot(q, schemaVectors[s]);
            }
        }
        return new Signals(terms, candidates, hinted, lex, sem, schemaLex, schemaSem);
    }

    /** Fuses the signals with {@code w} and keeps the top {@code k}. */
    Retrieval rank(Signals sig, RetrieverSettings w, int k) {
        int[] cand = sig.candidates();
        long chars = 0;
        for (int c : cand) {
            chars += renderedChars[c];
        }
        boolean whole = chars <= w.wholeSchemaChars();
        double[] base = new double[tables.size()];
        double semW = sig.semantic() == null ? 0 : w.semanticWeight();
        double lexMax = max(sig.lexical(), cand);
        double[] semRange = sig.semantic() == null ? null : range(sig.semantic(), cand);
        double[] schemaScore = schemaScores(sig, cand, w);
        for (int c : cand) {
            double s = lexMax > 0 ? w.lexicalWeight() * sig.lexical()[c] / lexMax : 0;
            if (semRange != null) {
                s += semW * scale(sig.semantic()[c], semRange);
            }
            s += w.schemaWeight() * schemaScore[schemaOf[c]];
            base[c] = s;
        }
        double[] fused = base.clone();
        int[] via = new int[tables.size()];
        Arrays.fill(via, -1);
        if (w.foreignKeyWeight() > 0) {
            for (int c : cand) {
                for (int nb : neighbours[c]) {
                    double bonus = w.foreignKeyWeight() * base[nb];
                    if (bonus > fused[c] - base[c]) {
                        fused[c] = base[c] + bonus;
                        via[c] = nb;
                    }
                }
            }
        }
        int[] order = top(cand, fused, sig.hinted(), whole ? cand.length : Math.min(k, cand.length));
        int take = order.length;
        List<ScoredTable> out = new ArrayList<>(take);
        for (int i = 0; i < take; i++) {
            int c = order[i];
            List<String> matched = tableIndex.matched(sig.terms(), c);
            out.add(new ScoredTable(tables.get(c), fused[c], matched, reason(c, sig, whole, via[c], matched)));
        }
        return new Retrieval(out, whole, cand.length);
    }

    /** The best {@code take} candidates, hinted first, then by score, ties by name: a bounded insertion. */
    private int[] top(int[] cand, double[] score, int hinted, int take) {
        int[] best = new int[take];
        int n = 0;
        for (int c : cand) {
            if (n == take && !before(c, best[n - 1], score, hinted)) {
                continue;
            }
            int i = n == take ? n - 1 : n++;
            while (i > 0 && before(c, best[i - 1], score, hinted)) {
                best[i] = best[i - 1];
                i--;
            }
            best[i] = c;
        }
        return best;
    }

    private boolean before(int a, int b, double[] score, int hinted) {
        if (a == hinted || b == hinted) {
            return a == hinted && b != hinted;
        }
        int byScore = Double.compare(score[b], score[a]);
        return byScore != 0 ? byScore < 0 : tables.get(a).key().compareTo(tables.get(b).key()) < 0;
    }

    private String reason(int c, Signals sig, boolean whole, int via, List<String> matched) {
        if (c == sig.hinted()) {
            return "hinted";
        }
        List<String> parts = new ArrayList<>();
        if (whole) {
            parts.add("whole schema");
        }
        if (!matched.isEmpty()) {
            parts.add("lexical");
        }
        if (sig.semantic() != null) {
            parts.add("semantic");
        }
        if (via >= 0) {
            parts.add("foreign key of " + tables.get(via).qualifiedName());
        }
        return String.join("+", parts);
    }

    private double[] schemaScores(Signals sig, int[] cand, RetrieverSettings w) {
        double[] out = new double[schemaKeys.length];
        boolean[] present = new boolean[schemaKeys.length];
        for (int c : cand) {
            present[schemaOf[c]] = true;
        }
        double lexMax = 0;
        double semMin = Double.POSITIVE_INFINITY;
        double semMax = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < out.length; s++) {
            if (present[s]) {
                lexMax = Math.max(lexMax, sig.schemaLexical()[s]);
                if (sig.schemaSemantic() != null) {
                    semMin = Math.min(semMin, sig.schemaSemantic()[s]);
                    semMax = Math.max(semMax, sig.schemaSemantic()[s]);
                }
            }
        }
        double semW = sig.schemaSemantic() == null ? 0 : w.semanticWeight();
        double total = w.lexicalWeight() + semW;
        if (total == 0) {
            return out;
        }
        for (int s = 0; s < out.length; s++) {
            if (present[s]) {
                double v = lexMax > 0 ? w.lexicalWeight() * sig.schemaLexical()[s] / lexMax : 0;
                if (semW > 0) {
                    v += semW * scale(sig.schemaSemantic()[s], new double[] {semMin, semMax});
                }
                out[s] = v / total;
            }
        }
        return out;
    }

    private int[] candidates(RetrievalHints hints, int hinted) {
        String hintedSchema = hinted >= 0 ? schemaKeys[schemaOf[hinted]] : null;
        int[] out = new int[tables.size()];
        int n = 0;
        for (int i = 0; i < tables.size(); i++) {
            CatalogTable t = tables.get(i);
            if (!inCatalog(t, hints)) {
                continue;
            }
            if (hints.schema() != null && !hints.schema().equalsIgnoreCase(t.schema())) {
                continue;
            }
            if (hintedSchema != null && !hintedSchema.equals(schemaKeys[schemaOf[i]])) {
                continue;
            }
            out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    /** The table a hint names: a qualified name, or a bare name within the hinted catalog and schema. */
    private int find(String name, RetrievalHints hints) {
        String lower = name.toLowerCase(Locale.ROOT);
        int found = -1;
        for (int i = 0; i < tables.size(); i++) {
            CatalogTable t = tables.get(i);
            boolean qualified = t.key().equals(lower) || t.key().endsWith("." + lower);
            boolean inScope = inCatalog(t, hints)
                    && (hints.schema() == null || hints.schema().equalsIgnoreCase(t.schema()));
            if (qualified && inScope) {
                if (t.key().equals(lower)) {
                    return i;
                }
                found = found < 0 ? i : found;
            }
        }
        return found;
    }

    /**
     * Whether {@code t} is in the hinted catalog. A table without a catalog (PostgreSQL and DuckDB
     * name tables {@code schema.table}) is in the one database its source is connected to, so a
     * catalog hint (often that database's name) cannot narrow it away.
     */
    private static boolean inCatalog(CatalogTable t, RetrievalHints hints) {
        return hints.catalog() == null || t.catalog() == null || hints.catalog().equalsIgnoreCase(t.catalog());
    }

    private static String schemaKey(CatalogTable t) {
        return (t.source() + "\u0000" + t.catalog() + "\u0000" + t.schema()).toLowerCase(Locale.ROOT);
    }

    private static int[][] foreignKeyNeighbours(List<CatalogTable> tables) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            index.put(tables.get(i).key(), i);
        }
        List<TreeSet<Integer>> adj = new ArrayList<>();
        tables.forEach(t -> adj.add(new TreeSet<>()));
        for (int i = 0; i < tables.size(); i++) {
            for (ForeignKey fk : tables.get(i).foreignKeys()) {
                Integer j = index.get(fk.referencedTable().toLowerCase(Locale.ROOT));
                if (j != null && j != i) {
                    adj.get(i).add(j);
                    adj.get(j).add(i);
                }
            }
        }
        return adj.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** The vectors' common length; a model that changes length between texts would make every score wrong. */
    private static int sameLength(float[][] vectors) {
        int dim = vectors.length == 0 ? 0 : vectors[0].length;
        for (float[] v : vectors) {
            if (v.length != dim) {
                throw new IllegalStateException("the embedder gave vectors of " + dim + " and " + v.length + " dimensions");
            }
        }
        return dim;
    }

    private static float[][] meanBySchema(float[][] vectors, int[] schemaOf, int schemas) {
        int dim = vectors.length == 0 ? 0 : vectors[0].length;
        float[][] sums = new float[schemas][dim];
        for (int i = 0; i < vectors.length; i++) {
            for (int d = 0; d < dim; d++) {
                sums[schemaOf[i]][d] += vectors[i][d];
            }
        }
        for (int s = 0; s < schemas; s++) {
            sums[s] = MiniLmEmbedder.normalise(sums[s]);
        }
        return sums;
    }

    /**
     * Four running sums instead of one: each addition no longer waits for the previous one, which
     * makes scoring a question against ~1,000 vectors of 384 dimensions about four times faster.
     */
    static double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (double) (s0 + s1) + (s2 + s3);
    }

    private static double max(double[] values, int[] cand) {
        double m = 0;
        for (int c : cand) {
            m = Math.max(m, values[c]);
        }
        return m;
    }

    private static double[] range(double[] values, int[] cand) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int c : cand) {
            lo = Math.min(lo, values[c]);
            hi = Math.max(hi, values[c]);
        }
        return new double[] {lo, hi};
    }

    private static double scale(double v, double[] range) {
        return range[1] > range[0] ? (v - range[0]) / (range[1] - range[0]) : 0;
    }

    /** Per-question signals: indexed by table (or schema) position; {@code semantic} null without a model. */
    record Signals(Set<String> terms, int[] candidates, int hinted, double[] lexical, double[] semantic,
            double[] schemaLexical, double[] schemaSemantic) {
    }
}
