package dev.sluice.core.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads {@code sluice.yaml}: environment substitution, YAML parsing, strict section readers. */
public final class ConfigLoader {
    /** Sections the specification names that later work will implement; refused clearly until then. */
    private static final Set<String> NOT_YET = Set.of("gateway");

    private ConfigLoader() {
    }

    public static SluiceConfig load(Path file) {
        return load(file, System::getenv);
    }

    public static SluiceConfig load(Path file, Function<String, String> env) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": configuration file does not exist");
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), env);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    public static SluiceConfig parse(String fileName, String text, Function<String, String> env) {
        YamlSource source = YamlSource.parse(fileName, EnvSubstitution.apply(text, env, fileName));
        JsonNode root = source.root();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return SluiceConfig.defaults().withOrigin(fileName);
        }
        if (!root.isObject()) {
            throw new ConfigException(fileName + ":1: the configuration must be a YAML mapping of sections");
        }
        ConfigNode top = new ConfigNode(root, "", source);
        for (String section : NOT_YET) {
            if (root.has(section)) {
                throw top.error(section, "this section is not supported by this build of Sluice yet");
            }
        }
        ServerSettings server = ServerSettings.read(top.child("server"));
        // sources and tools are read by the data plane, which knows every source kind
        ConfigNode sources = top.child("sources");
        ConfigNode tools = top.child("tools");
        ConfigNode auth = noneOrSection(top, root, "auth");
        ConfigNode audit = top.child("audit");
        ConfigNode llm = top.child("llm");
        top.rejectUnknownKeys();
        return new SluiceConfig(fileName, server, sources, tools, auth, audit, llm);
    }

    /** {@code auth: none} is the specification's way to say "no authentication": an empty section. */
    private static ConfigNode noneOrSection(ConfigNode top, JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value != null && value.isTextual() && value.asText().equals("none")) {
            top.accept(key);
            return ConfigNode.empty(key);
        }
        return top.child(key);
    }

    public static SluiceConfig parse(String fileName, String text, Map<String, String> env) {
        return parse(fileName, text, env::get);
    }
}
