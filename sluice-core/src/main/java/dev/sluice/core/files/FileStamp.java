package dev.sluice.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * What tells one version of a file from the next without reading it: modification time, size and
 * identity (the inode, where the platform has one; an atomic replace changes it even when the time
 * and size happen to match).
 */
record FileStamp(Instant modified, long size, Object fileKey) {
    /**
     * The stamp of {@code file} now, or null when it does not exist.
     *
     * @throws IllegalStateException when its attributes cannot be read
     */
    static FileStamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.lastModifiedTime().toInstant(), a.size(), a.fileKey());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
