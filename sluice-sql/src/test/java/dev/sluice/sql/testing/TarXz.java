package dev.sluice.sql.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks a {@code .txz} (tar + xz) stream: regular files with their permission bits, directories,
 * symbolic and hard links, GNU long names and pax path headers. Enough for the PostgreSQL binary
 * bundles; refuses entries that would land outside the target directory.
 */
final class TarXz {
    private static final int BLOCK = 512;

    private TarXz() {}

    static void extract(InputStream compressed, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = new XZInputStream(compressed)) {
            String longName = null;
            String longLink = null;
            byte[] header = new byte[BLOCK];
            while (readFully(in, header)) {
                if (isZero(header)) {
                    return;
                }
                String name = longName != null ? longName : name(header);
                String link = longLink != null ? longLink : string(header, 157, 100);
                longName = null;
                longLink = null;
                char type = (char) header[156];
                long size = octal(header, 124, 12);
                int mode = (int) octal(header, 100, 8);
                switch (type) {
                    case 'L' -> longName = trimNul(readString(in, size));
                    case 'K' -> longLink = trimNul(readString(in, size));
                    case 'x' -> {
                        for (String record : readString(in, size).split("\n")) {
                            int space = record.indexOf(' ');
                            int eq = record.indexOf('=');
                            if (space < 0 || eq < space) {
                                continue;
                            }
                            String key = record.substring(space + 1, eq);
                            String value = record.substring(eq + 1);
                            if (key.equals("path")) {
                                longName = value;
                            } else if (key.equals("linkpath")) {
                                longLink = value;
                            }
                        }
                    }
                    case 'g' -> skip(in, size);
                    case '5' -> Files.createDirectories(resolve(root, name));
                    case '2' -> {
                        Path path = resolve(root, name);
                        Files.createDirectories(path.getParent());
                        Files.deleteIfExists(path);
                        Files.createSymbolicLink(path, Path.of(link));
                    }
                    case '1' -> {
                        Path path = resolve(root, name);
                        Files.createDirectories(path.getParent());
                        Files.copy(resolve(root, link), path, StandardCopyOption.REPLACE_EXISTING);
                    }
                    case '0', '\0', '7' -> {
                        Path path = resolve(root, name);
                        Files.createDirectories(path.getParent());
                        try (var out = Files.newOutputStream(path)) {
                            copy(in, out, size);
                        }
                        skipPadding(in, size);
                        Files.setPosixFilePermissions(path, permissions(mode));
                        continue;
                    }
                    default -> skip(in, size);
                }
            }
        }
    }

    private static Path resolve(Path root, String name) throws IOException {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry escapes the target directory: " + name);
        }
        return path;
    }

    private static String name(byte[] header) {
        String name = string(header, 0, 100);
        String magic = string(header, 257, 6);
        String prefix = magic.startsWith("ustar") ? string(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        set.add(PosixFilePermission.OWNER_WRITE);
        return set;
    }

    private static String readString(InputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(in, out, size);
        skipPadding(in, size);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void skip(InputStream in, long size) throws IOException {
        copy(in, java.io.OutputStream.nullOutputStream(), size);
        skipPadding(in, size);
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        copy(in, java.io.OutputStream.nullOutputStream(), padding);
    }

    private static void copy(InputStream in, java.io.OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("truncated tar archive");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        int off = 0;
        while (off < block.length) {
            int n = in.read(block, off, block.length - off);
            if (n < 0) {
                if (off == 0) {
                    return false;
                }
                throw new IOException("truncated tar archive");
            }
            off += n;
        }
        return true;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static long octal(byte[] header, int offset, int length) {
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                value = value * 8 + (b - '0');
            } else if (value > 0 || (b != ' ' && b != 0)) {
                if (b == ' ' || b == 0) {
                    break;
                }
            }
        }
        return value;
    }

    private static String string(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }
}
