package dev.sluice.llm.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over weighted term bags. A document is built from fields with different weights (a
 * table name counts more than a sample value), so term frequencies are fractional. Immutable and
 * safe to share between threads once built.
 */
final class Bm25Index {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final Map<String, Integer> termIds;
    private final int[][] postingDocs;
    private final float[][] postingTf;
    private final double[] idf;
    private final double[] lengthNorm;
    private final int size;

    private Bm25Index(Map<String, Integer> termIds, int[][] postingDocs, float[][] postingTf, double[] idf,
            double[] lengthNorm) {
        this.termIds = termIds;
        this.postingDocs = postingDocs;
        this.postingTf = postingTf;
        this.idf = idf;
        this.lengthNorm = lengthNorm;
        this.size = lengthNorm.length;
    }

    /** Builds the index; {@code docs.get(i)} maps each term of document i to its weighted frequency. */
    static Bm25Index build(List<Map<String, Double>> docs) {
        Map<String, Integer> ids = new HashMap<>();
        List<List<int[]>> postings = new ArrayList<>();
        List<List<Float>> tfs = new ArrayList<>();
        double[] lengths = new double[docs.size()];
        for (int d = 0; d < docs.size(); d++) {
            for (Map.Entry<String, Double> e : docs.get(d).entrySet()) {
                int id = ids.computeIfAbsent(e.getKey(), k -> {
                    postings.add(new ArrayList<>());
                    tfs.add(new ArrayList<>());
                    return postings.size() - 1;
                });
                postings.get(id).add(new int[] {d});
                tfs.get(id).add(e.getValue().floatValue());
                lengths[d] += e.getValue();
            }
        }
        double avg = 0;
        for (double l : lengths) {
            avg += l;
        }
        avg = docs.isEmpty() ? 1 : Math.max(avg / docs.size(), 1e-9);
        double[] norm = new double[docs.size()];
        for (int d = 0; d < norm.length; d++) {
            norm[d] = K1 * (1 - B + B * lengths[d] / avg);
        }
        int terms = postings.size();
        int[][] pd = new int[terms][];
        float[][] pt = new float[terms][];
        double[] idf = new double[terms];
        for (int t = 0; t < terms; t++) {
            List<int[]> p = postings.get(t);
            pd[t] = new int[p.size()];
            pt[t] = new float[p.size()];
            for (int j = 0; j < p.size(); j++) {
                pd[t][j] = p.get(j)[0];
                pt[t][j] = tfs.get(t).get(j);
            }
            double df = p.size();
            idf[t] = Math.log(1 + (docs.size() - df + 0.5) / (df + 0.5));
        }
        return new Bm25Index(Map.copyOf(ids), pd, pt, idf, norm);
    }

    int size() {
        return size;
    }

    /** BM25 scores of every document for the distinct {@code queryTerms}; zero where nothing matched. */
    double[] score(Set<String> queryTerms) {
        double[] scores = new double[size];
        for (String term : queryTerms) {
            Integer id = termIds.get(term);
            if (id == null) {
                continue;
            }
            int[] docs = postingDocs[id];
            float[] tf = postingTf[id];
            double w = idf[id];
            for (int j = 0; j < docs.length; j++) {
                int d = docs[j];
                scores[d] += w * tf[j] * (K1 + 1) / (tf[j] + lengthNorm[d]);
            }
        }
        return scores;
    }

    /** The query terms that occur in document {@code doc}, in query order. */
    List<String> matched(Set<String> queryTerms, int doc) {
        List<String> out = new ArrayList<>();
        for (String term : queryTerms) {
            Integer id = termIds.get(term);
            if (id != null && contains(postingDocs[id], doc)) {
                out.add(term);
            }
        }
        return out;
    }

    private static boolean contains(int[] sortedDocs, int doc) {
        return java.util.Arrays.binarySearch(sortedDocs, doc) >= 0;
    }

    /** Distinct terms in first-seen order. */
    static Set<String> distinct(List<String> terms) {
        return new LinkedHashSet<>(terms);
    }
}
