package dev.sluice.sql.result;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One result's spill file: appended through a buffer while the result is written, then read with
 * positional reads (thread-safe, so concurrent pages of one result share nothing). Readable by the
 * owner only where the file system has POSIX permissions: results can hold sensitive rows.
 */
final class SpillFile {
    static final int BUFFER_BYTES = 64 * 1024;

    private final Path path;
    private final AtomicLong diskCounter;
    private FileChannel writeChannel;
    private final ByteBuffer writeBuffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long size;
    private long flushed;

    private SpillFile(Path path, FileChannel writeChannel, AtomicLong diskCounter) {
        this.path = path;
        this.writeChannel = writeChannel;
        this.diskCounter = diskCounter;
    }

    /** Creates the directory if needed and a new, empty file in it. */
    static SpillFile create(Path directory, String name, AtomicLong diskCounter) throws IOException {
        Files.createDirectories(directory);
        Path path = directory.resolve(name);
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        FileChannel channel;
        try {
            channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("spill file already exists: " + path, e);
        }
        return new SpillFile(path, channel, diskCounter);
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (!writeBuffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(length, writeBuffer.remaining());
            writeBuffer.put(bytes, offset, n);
            offset += n;
            length -= n;
            size += n;
        }
    }

    /** Flushes and closes the write side; the file is then read-only. */
    void finishWriting() throws IOException {
        flush();
        writeChannel.close();
        writeChannel = null;
    }

    private void flush() throws IOException {
        writeBuffer.flip();
        int bytes = writeBuffer.remaining();
        while (writeBuffer.hasRemaining()) {
            writeChannel.write(writeBuffer);
        }
        writeBuffer.clear();
        flushed += bytes;
        diskCounter.addAndGet(bytes); // counted per flush, not per row: the store's stats show bytes in the file
    }

    /** Reads from {@code position} to the end of the file in blocks of one reused buffer. */
    BlockSource openAt(long position) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        return new BlockSource() {
            private final byte[] array = new byte[BUFFER_BYTES];
            private final ByteBuffer buffer = ByteBuffer.wrap(array);
            private long next = position;

            @Override
            public ByteBlock next() throws IOException {
                if (next >= size) {
                    return null;
                }
                buffer.clear();
                int n = channel.read(buffer, next);
                if (n <= 0) {
                    return null;
                }
                ByteBlock block = new ByteBlock(next, array, 0, n);
                next += n;
                return block;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    /** Closes the write side if open and deletes the file; never throws. */
    void delete() {
        try {
            if (writeChannel != null) {
                writeChannel.close();
                writeChannel = null;
            }
        } catch (IOException ignored) {
            // deleting anyway
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort; close() of the store tries the directory again
        }
        diskCounter.addAndGet(-flushed);
        flushed = 0;
        size = 0;
    }
}
