package dev.sluice.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Read-modify-write of a file that other processes read and write: {@link #locked} serialises
 * writers (an in-process lock for threads of one JVM, plus {@code <file>.lock} for other processes,
 * which is left in place), and {@link #replace} writes a temporary file next to the target, forces
 * it to disk and moves it into place atomically, so a reader sees the old content or the new, never
 * a torn write.
 */
public final class AtomicFiles {
    /** What a locked update does; it may throw {@link IOException}. */
    @FunctionalInterface
    public interface Update<T> {
        T apply() throws IOException;
    }

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private AtomicFiles() {
    }

    /** Runs {@code update} while holding {@code file}'s lock, creating its folder first. */
    public static <T> T locked(Path file, Update<T> update) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(target, p -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(target.getParent());
            Path lockFile = target.resolveSibling(target.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return update.apply();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * Replaces {@code file} with {@code content} atomically (a plain move where the file system
     * cannot move atomically). On POSIX file systems, {@code ownerOnly} makes the new file readable
     * by its owner alone; otherwise it keeps the permissions of the file it replaces ({@code rw-r--r--}
     * for a new file), so a server running as another user can still read it.
     */
    public static void replace(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attrs = ownerOnly && posix
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp", attrs);
        try {
            if (posix && !ownerOnly) {
                Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
