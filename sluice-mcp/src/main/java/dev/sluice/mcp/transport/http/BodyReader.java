package dev.sluice.mcp.transport.http;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Blocker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Collects a request body up to a size limit. {@link #readAvailable()} never blocks, so the
 * selector thread can take a body that arrived with its headers; {@link #readRemaining()} waits
 * for the rest on a virtual thread.
 */
final class BodyReader {
    private final Request request;
    private final int maxBytes;
    private final ByteArrayOutputStream body;
    private boolean complete;
    private boolean tooLarge;

    BodyReader(Request request, int maxBytes) {
        this.request = request;
        this.maxBytes = maxBytes;
        long declared = request.getLength();
        this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
    }

    /** Takes whatever has arrived; true once the whole body (or too much of it) is here. */
    boolean readAvailable() throws IOException {
        while (!complete) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false;
            }
            take(chunk);
        }
        return true;
    }

    /** Blocks until the whole body is here. */
    void readRemaining() throws IOException {
        while (!readAvailable()) {
            try (Blocker.Runnable blocker = Blocker.runnable()) {
                request.demand(blocker);
                blocker.block();
            }
        }
    }

    private void take(Content.Chunk chunk) throws IOException {
        try {
            if (Content.Chunk.isFailure(chunk)) {
                Throwable failure = chunk.getFailure();
                throw failure instanceof IOException io ? io : new IOException(failure);
            }
            ByteBuffer buffer = chunk.getByteBuffer();
            if (!tooLarge && body.size() + buffer.remaining() > maxBytes) {
                tooLarge = true; // stop here: the 413 goes out without reading the rest
                complete = true;
                body.reset();
            }
            if (!tooLarge) {
                if (buffer.hasArray()) {
                    body.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
                } else {
                    byte[] copy = new byte[buffer.remaining()];
                    buffer.get(copy);
                    body.write(copy);
                }
            }
            if (chunk.isLast()) {
                complete = true;
            }
        } finally {
            chunk.release();
        }
    }

    boolean tooLarge() {
        return tooLarge;
    }

    byte[] bytes() {
        return body.toByteArray();
    }
}
