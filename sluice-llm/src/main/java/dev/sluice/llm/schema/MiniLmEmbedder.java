package dev.sluice.llm.schema;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sentence-transformers all-MiniLM-L6-v2, int8-quantised, run by ONNX Runtime from the model file in
 * the langchain4j jar: 384 dimensions, English-trained, no network. One shared instance.
 *
 * <p>Calls ONNX Runtime directly instead of through langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel},
 * which produces the same vectors (same model file, same tokenizer file and options, mean pooling over
 * all tokens, L2 normalisation; {@code MiniLmEmbedderTest} checks cosine &gt; 0.9999) but costs ~20 ms
 * per question on a busy 2-core machine: its session uses ONNX Runtime's default thread pool (one
 * intra-op thread per core, spin-waiting), which fights the JVM and other processes for the cores,
 * and it tokenises every text three times. Here the session runs each inference on the calling
 * thread (intra-op and inter-op threads 1, no spinning, graph optimisation ALL), so concurrent
 * callers run in parallel on one shared session ({@code OrtSession.run} is thread-safe), and the
 * text is tokenised once.
 *
 * <p>Texts are truncated to 128 tokens including {@code [CLS]}/{@code [SEP]}: the tokenizer file
 * bundled with the model says so (truncation LongestFirst, max_length 128), and langchain4j inherits
 * it too, so the table vectors the recall figures were measured with were already truncated.
 */
final class MiniLmEmbedder implements TextEmbedder {
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    static final int DIMENSIONS = 384;

    private static final class Holder {
        static final MiniLmEmbedder INSTANCE = load();
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean needsTokenTypeIds;

    private MiniLmEmbedder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        Set<String> inputs = session.getInputNames();
        this.needsTokenTypeIds = inputs.contains("token_type_ids");
    }

    static MiniLmEmbedder instance() {
        return Holder.INSTANCE;
    }

    private static MiniLmEmbedder load() {
        ClassLoader loader = MiniLmEmbedder.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL_RESOURCE);
                InputStream tokenizerJson = loader.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (model == null || tokenizerJson == null) {
                throw new IllegalStateException("MiniLM model or tokenizer not on the classpath ("
                        + MODEL_RESOURCE + ", " + TOKENIZER_RESOURCE + ")");
            }
            // Same options as langchain4j: no padding; truncation (128) comes from the tokenizer file.
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of("padding", "false"));
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), sessionOptions());
            return new MiniLmEmbedder(environment, session, tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the MiniLM model: " + e.getMessage(), e);
        }
    }

    /**
     * One thread per inference, no spin-waiting: a single short sentence is too little work to
     * split across cores, and spinning threads steal the cores other requests (and the JVM) need.
     */
    static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    @Override
    public float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text.isBlank() ? "?" : text, true, false);
        try {
            return normalise(run(encoding.getIds(), encoding.getAttentionMask(), encoding.getTypeIds()));
        } catch (OrtException e) {
            throw new IllegalStateException("MiniLM inference failed: " + e.getMessage(), e);
        }
    }

    /** Embeds on up to {@code availableProcessors} threads sharing the one session. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        int threads = Math.min(texts.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return TextEmbedder.super.embedAll(texts);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "minilm-embed");
            t.setDaemon(true);
            return t;
        });
        try {
            int chunk = (texts.size() + threads - 1) / threads;
            List<Future<List<float[]>>> parts = new ArrayList<>(threads);
            for (int from = 0; from < texts.size(); from += chunk) {
                List<String> part = texts.subList(from, Math.min(texts.size(), from + chunk));
                parts.add(pool.submit(() -> TextEmbedder.super.embedAll(part)));
            }
            List<float[]> out = new ArrayList<>(texts.size());
            for (Future<List<float[]>> part : parts) {
                out.addAll(part.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Mean of the last hidden states over the tokens (all attended: one unpadded sequence). */
    private float[] run(long[] ids, long[] mask, long[] typeIds) throws OrtException {
        long[] shape = {1, ids.length};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(typeIds), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>(4);
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (needsTokenTypeIds) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxValue value = result.get(0);
                FloatBuffer hidden = ((OnnxTensor) value).getFloatBuffer();
                int tokens = ids.length;
                int dims = hidden.capacity() / tokens;
                float[] sum = new float[dims];
                for (int t = 0; t < tokens; t++) {
                    int base = t * dims;
                    for (int d = 0; d < dims; d++) {
                        sum[d] += hidden.get(base + d);
                    }
                }
                for (int d = 0; d < dims; d++) {
                    sum[d] /= tokens;
                }
                return sum;
            }
        }
    }

    static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
