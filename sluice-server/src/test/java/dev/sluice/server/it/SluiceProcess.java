package dev.sluice.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real {@code sluice.jar} started as a child process, as a user would run it. */
final class SluiceProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/mcp)");
    private final Process process;
    private final String url;
    private final Path workDir;
    private final List<String> output = new ArrayList<>();

    private SluiceProcess(Process process, String url, Path workDir) {
        this.process = process;
        this.url = url;
        this.workDir = workDir;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("sluice.jar", "target/sluice.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first (mvn package): " + jar.toAbsolutePath());
        }
        return jar;
    }

    static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts {@code sluice ARGS} in a fresh working directory (where the default audit log and key
     * file go) and waits for its "listening on URL" line.
     */
    static SluiceProcess start(String... args) throws IOException, InterruptedException {
        return startIn(Files.createTempDirectory("sluice-it-"), args);
    }

    static SluiceProcess startIn(Path workDir, String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaCommand(args)).directory(workDir.toFile()).redirectErrorStream(true).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = new CompletableFuture<>();
        List<String> lines = new ArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
                url.completeExceptionally(new IllegalStateException("sluice exited before listening: " + lines));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        });
        try {
            SluiceProcess p = new SluiceProcess(process, url.get(60, TimeUnit.SECONDS), workDir);
            p.output.addAll(lines);
            return p;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("sluice did not start: " + lines, e);
        }
    }

    String url() {
        return url;
    }

    Path workDir() {
        return workDir;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed; what was acknowledged must already be durable. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    int exitCode() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
