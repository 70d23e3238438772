package dev.sluice.sql.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The encoded bytes of one result: RAM chunks (growing from 4 KiB to 256 KiB, below the size G1
 * allocates as humongous even in small heaps; each reserved from the shared {@link MemoryBudget}) until the result would pass its spill threshold or the budget says
 * no; then every chunk is written to a {@link SpillFile}, its memory returned, and later bytes go
 * straight to the file. Not thread-safe: {@link StoredResult} guards it.
 */
final class RowStorage {
    static final int FIRST_CHUNK_BYTES = 4 * 1024;
    static final int MAX_CHUNK_BYTES = 256 * 1024;

    private final MemoryBudget budget;
    private final long spillThreshold;
    private final Path spillDirectory;
    private final String spillName;
    private final AtomicLong diskCounter;

    private List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int used;
    private long reserved;
    private long bytes;
    private SpillFile spill;

    /** Set by {@link #finishWriting()}: chunk start positions for lookups by position. */
    private long[] chunkStarts;
    private byte[][] chunkArrays;

    RowStorage(MemoryBudget budget, long spillThreshold, Path spillDirectory, String spillName, AtomicLong diskCounter) {
        this.budget = budget;
        this.spillThreshold = spillThreshold;
        this.spillDirectory = spillDirectory;
        this.spillName = spillName;
        this.diskCounter = diskCounter;
    }

    long bytes() {
        return bytes;
    }

    boolean spilled() {
        return spill != null;
    }

    Path spillPath() {
        return spill == null ? null : spill.path();
    }

    void append(byte[] data, int offset, int length) throws IOException {
        if (spill == null && bytes + length > spillThreshold) {
            spill();
        }
        while (spill == null && length > 0) {
            if (current == null || used == current.length) {
                if (!grow()) {
                    spill();
                    break;
                }
            }
            int n = Math.min(length, current.length - used);
            System.arraycopy(data, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
            bytes += n;
        }
        if (length > 0) {
            spill.write(data, offset, length);
            bytes += length;
        }
    }

    private boolean grow() {
        int size = current == null ? FIRST_CHUNK_BYTES : Math.min(current.length * 2, MAX_CHUNK_BYTES);
        if (!budget.tryReserve(size)) {
            return false;
        }
        reserved += size;
        current = new byte[size];
        used = 0;
        chunks.add(current);
        return true;
    }

    private void spill() throws IOException {
        spill = SpillFile.create(spillDirectory, spillName, diskCounter);
        for (byte[] chunk : chunks) {
            spill.write(chunk, 0, chunk == current ? used : chunk.length);
        }
        dropChunks();
    }

    /** Ends writing: flushes the spill file, or trims the last chunk to its used size. */
    void finishWriting() throws IOException {
        if (spill != null) {
            spill.finishWriting();
            return;
        }
        if (current != null && used < current.length) {
            byte[] trimmed = Arrays.copyOf(current, used);
            chunks.set(chunks.size() - 1, trimmed);
            budget.release(current.length - used);
            reserved -= current.length - used;
            current = trimmed;
        }
        chunkArrays = chunks.toArray(new byte[0][]);
        chunkStarts = new long[chunkArrays.length];
        long start = 0;
        for (int i = 0; i < chunkArrays.length; i++) {
            chunkStarts[i] = start;
            start += chunkArrays[i].length;
        }
    }

    /** The bytes from {@code position} on; only after {@link #finishWriting()}. */
    BlockSource openAt(long position) throws IOException {
        if (spill != null) {
            return spill.openAt(position);
        }
        long[] starts = chunkStarts;
        byte[][] arrays = chunkArrays;
        int found = Arrays.binarySearch(starts, position);
        int first = found >= 0 ? found : -found - 2;
        return new BlockSource() {
            private int index = Math.max(first, 0);
            private boolean started;

            @Override
            public ByteBlock next() {
                if (started) {
                    index++;
                }
                started = true;
                if (index >= arrays.length) {
                    return null;
                }
                byte[] chunk = arrays[index];
                int skip = (int) Math.max(0, position - starts[index]);
                return new ByteBlock(starts[index] + skip, chunk, skip, chunk.length - skip);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Returns all memory and deletes the spill file; safe to call more than once. */
    void free() {
        dropChunks();
        if (spill != null) {
            spill.delete();
        }
    }

    private void dropChunks() {
        budget.release(reserved);
        reserved = 0;
        chunks = new ArrayList<>();
        current = null;
        used = 0;
        chunkArrays = null;
        chunkStarts = null;
    }
}
