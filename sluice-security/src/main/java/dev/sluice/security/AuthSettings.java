package dev.sluice.security;

import dev.sluice.core.config.ConfigNode;
import dev.sluice.security.apikey.InlineApiKey;
import dev.sluice.security.limit.RateLimitSettings;
import dev.sluice.security.oauth.OAuthSettings;
import dev.sluice.security.oauth.Urls;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The {@code auth:} section. Absent or empty: authentication is off (every caller is
 * {@link Principal#anonymous()}), which the server must allow only on a loopback address
 * ({@link #requireSafeBinding}). Any key present turns it on: API keys from {@code api_keys} and the
 * key file, and bearer JWTs when {@code oauth} is set. See docs/security.md for every key.
 *
 * @param enabled          false only for an absent or empty {@code auth:}
 * @param apiKeys          {@code api_keys}, hashed; plaintext was dropped while reading
 * @param keyFile          {@code key_file} (default {@value #DEFAULT_KEY_FILE}, relative to the working directory)
 * @param oauth            {@code oauth}, or null
 * @param resource         {@code resource}: this server's public {@code /mcp} URL, or null (API keys only)
 * @param resourceName     {@code resource_name} for the metadata document (default {@value #DEFAULT_RESOURCE_NAME})
 * @param scopesSupported  {@code scopes_supported} (default {@code [sql:read]}); also the {@code scope} of 401 challenges
 * @param toolScopes       {@code tool_scopes}: tool → scopes replacing its default
 * @param sourceScopes     {@code source_scopes}: source → extra scopes needed to use it
 * @param roles            {@code roles}: role or group (from {@code oauth.roles_claim}) → scopes it grants
 * @param claimArguments   {@code claim_arguments}: tool → (argument → claim)
 * @param rateLimit        {@code rate_limit}, or null for no limit
 */
public record AuthSettings(boolean enabled, List<InlineApiKey> apiKeys, Path keyFile, OAuthSettings oauth, String resource,
                           String resourceName, List<String> scopesSupported, Map<String, List<String>> toolScopes,
                           Map<String, List<String>> sourceScopes, Map<String, List<String>> roles,
                           Map<String, Map<String, String>> claimArguments, RateLimitSettings rateLimit) {
    public static final String DEFAULT_KEY_FILE = "sluice-keys.json";
    public static final String DEFAULT_RESOURCE_NAME = "Sluice";
    public static final List<String> DEFAULT_SCOPES_SUPPORTED = List.of("sql:read");
    public static final List<String> DEFAULT_INLINE_KEY_SCOPES = List.of("sql:read");

    public AuthSettings {
        apiKeys = List.copyOf(requireNonNull(apiKeys, "apiKeys is null"));
        requireNonNull(keyFile, "keyFile is null");
        requireNonNull(resourceName, "resourceName is null");
        scopesSupported = List.copyOf(requireNonNull(scopesSupported, "scopesSupported is null"));
        toolScopes = copyOfLists(requireNonNull(toolScopes, "toolScopes is null"));
        sourceScopes = copyOfLists(requireNonNull(sourceScopes, "sourceScopes is null"));
        roles = copyOfLists(requireNonNull(roles, "roles is null"));
        Map<String, Map<String, String>> ca = new LinkedHashMap<>();
        requireNonNull(claimArguments, "claimArguments is null").forEach((k, v) -> ca.put(k, Map.copyOf(v)));
        claimArguments = java.util.Collections.unmodifiableMap(ca);
    }

    /** Authentication off ({@code auth:} absent). */
    public static AuthSettings none() {
        return new AuthSettings(false, List.of(), Path.of(DEFAULT_KEY_FILE), null, null, DEFAULT_RESOURCE_NAME,
                DEFAULT_SCOPES_SUPPORTED, Map.of(), Map.of(), Map.of(), Map.of(), null);
    }

    /**
     * Refuses to serve without authentication on anything but a loopback address.
     *
     * @throws IllegalStateException naming the fix, when {@code enabled} is false and {@code host} is not loopback
     */
    public void requireSafeBinding(String host) {
        if (!enabled && !Urls.isLoopback(host)) {
            throw new IllegalStateException("auth is not configured, so Sluice may listen only on a loopback address,"
                    + " but server.host is " + host + "; set server.host: 127.0.0.1, or configure auth.api_keys or auth.oauth"
                    + " (see docs/security.md)");
        }
    }

    /** Reads {@code auth:}; every mistake names file, line and key. */
    public static AuthSettings read(ConfigNode auth) {
        requireNonNull(auth, "auth is null");
        if (auth.isEmpty()) {
            return none();
        }
        List<InlineApiKey> keys = readKeys(auth);
        String keyFile = auth.string("key_file", DEFAULT_KEY_FILE);
        if (keyFile.isBlank()) {
            throw auth.error("key_file", "must be a file path such as " + DEFAULT_KEY_FILE);
        }
        OAuthSettings oauth = auth.has("oauth") ? OAuthSettings.read(auth.child("oauth")) : null;
        String resource = auth.string("resource", null);
        if (resource != null) {
            String problem = Urls.problem(resource);
            if (problem != null) {
                throw auth.error("resource", "is this server's public /mcp URL and " + problem);
            }
        } else if (oauth != null) {
            if (Urls.problem(oauth.audience()) != null) {
                throw auth.error("resource", "is required with oauth: this server's public /mcp URL, e.g. https://sluice.example.com/mcp"
                        + " (it is the resource of the Protected Resource Metadata that OAuth clients discover)");
            }
            resource = oauth.audience();
        }
        String resourceName = auth.string("resource_name", DEFAULT_RESOURCE_NAME);
        List<String> scopesSupported = auth.has("scopes_supported") ? scopes(auth, "scopes_supported") : DEFAULT_SCOPES_SUPPORTED;
        Map<String, List<String>> toolScopes = scopeMap(auth, "tool_scopes");
        Map<String, List<String>> sourceScopes = scopeMap(auth, "source_scopes");
        Map<String, List<String>> roles = scopeMap(auth, "roles");
        Map<String, Map<String, String>> claimArguments = new LinkedHashMap<>();
        ConfigNode ca = auth.child("claim_arguments");
        for (String tool : ca.keys()) {
            Map<String, String> args = ca.stringMap(tool);
            for (Map.Entry<String, String> e : args.entrySet()) {
                if (e.getValue().isBlank()) {
                    throw ca.error(tool + "." + e.getKey(), "must name a token claim, e.g. tenant_id: tenant");
                }
            }
            claimArguments.put(tool, args);
        }
        ca.rejectUnknownKeys();
        RateLimitSettings rateLimit = auth.has("rate_limit") ? RateLimitSettings.read(auth.child("rate_limit")) : null;
        auth.rejectUnknownKeys();
        return new AuthSettings(true, keys, Path.of(keyFile), oauth, resource, resourceName, scopesSupported, toolScopes,
                sourceScopes, roles, claimArguments, rateLimit);
    }

    private static List<InlineApiKey> readKeys(ConfigNode auth) {
        List<InlineApiKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (ConfigNode k : auth.children("api_keys")) {
            String name = k.string("name", null);
            if (name == null || !InlineApiKey.validName(name)) {
                throw k.error("name", name == null ? "is required: a label for audit logs, e.g. name: claude"
                        : "'" + name + "' is not valid: use 1 to 64 letters, digits, '.', '_', '@' or '-'");
            }
            if (!names.add(name)) {
                throw k.error("name", "'" + name + "' is used by two keys; give each key its own name");
            }
            String key = k.string("key", null);
            if (key == null || key.isBlank()) {
                throw k.error("key", "is required, usually from the environment: key: ${MCP_API_KEY}");
            }
            if (key.length() < InlineApiKey.MIN_LENGTH || key.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                throw k.error("key", "must be at least " + InlineApiKey.MIN_LENGTH + " printable characters without spaces;"
                        + " generate one with `sluice keys create` or `openssl rand -base64 32`");
            }
            InlineApiKey inline = InlineApiKey.of(name, key, k.has("scopes") ? scopes(k, "scopes") : DEFAULT_INLINE_KEY_SCOPES);
            if (!hashes.add(inline.sha256())) {
                throw k.error("key", "is the same key as another entry; give every client its own key");
            }
            k.rejectUnknownKeys();
            keys.add(inline);
        }
        return keys;
    }

    private static List<String> scopes(ConfigNode n, String key) {
        List<String> scopes = n.strings(key);
        for (String s : scopes) {
            if (!Scopes.valid(s)) {
                throw n.error(key, "'" + s + "' is not a valid scope: one word of printable ASCII, e.g. sql:read");
            }
        }
        return List.copyOf(new java.util.LinkedHashSet<>(scopes));
    }

    private static Map<String, List<String>> scopeMap(ConfigNode parent, String key) {
        ConfigNode n = parent.child(key);
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : n.keys()) {
            map.put(name, scopes(n, name));
        }
        n.rejectUnknownKeys();
        return map;
    }

    private static Map<String, List<String>> copyOfLists(Map<String, List<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The public URL of {@code /mcp}, parsed; null without {@code resource}. */
    public URI resourceUri() {
        return resource == null ? null : URI.create(resource);
    }
}
