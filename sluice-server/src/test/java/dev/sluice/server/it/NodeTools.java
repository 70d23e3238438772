package dev.sluice.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.mcp.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Node side of the integration tests: the official TypeScript SDK clients and the conformance
 * suite, installed from the npm registry by {@code tools/node/setup.sh}.
 */
final class NodeTools {
    private static String node;

    private NodeTools() {
    }

    static Path repo() {
        return Path.of(System.getProperty("sluice.repo", "..")).toAbsolutePath().normalize();
    }

    /** Installs the pinned packages once per JVM and returns the Node 22 binary. */
    static synchronized String node() throws IOException, InterruptedException {
        if (node == null) {
            Result setup = run(List.of("bash", repo().resolve("tools/node/setup.sh").toString()), Map.of(), 600);
            if (setup.exitCode() != 0) {
                throw new IllegalStateException("tools/node/setup.sh failed:\n" + setup.output());
            }
            String[] lines = setup.output().strip().split("\n");
            node = lines[lines.length - 1].strip();
        }
        return node;
    }

    record Result(int exitCode, String output) {
        /** The JSON object the client scripts print on their last line. */
        JsonNode lastJson() {
            String[] lines = output.strip().split("\n");
            return Json.parse(lines[lines.length - 1]);
        }
    }

    static Result client(String script, List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(node());
        command.add(repo().resolve("tools/node/clients").resolve(script).toString());
        command.addAll(args);
        return run(command, env, 120);
    }

    static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out;
        try (var in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
