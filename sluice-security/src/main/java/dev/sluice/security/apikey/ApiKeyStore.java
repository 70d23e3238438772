package dev.sluice.security.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.sluice.core.files.AtomicFiles;
import dev.sluice.core.files.ReloadingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The hashed key file that {@code sluice keys} edits and a running server reads. Format (version 1):
 * <pre>{"version":1,"keys":[{"id":"9f1c0a7b2e4d","name":"claude","sha256":"…","scopes":["sql:read"],
 *   "created_at":"2026-01-01T00:00:00Z","revoked_at":null}]}</pre>
 * Writes take a lock ({@code <file>.lock}, plus an in-process lock for threads of one JVM), re-read
 * the file, write a temporary file with owner-only permissions next to it and move it into place
 * atomically, so readers see either the old or the new file. Revoked keys stay in the file so that a
 * replayed key is reported as revoked. Readers pick up changes made by other processes: {@link #find}
 * checks the file's modification time, size and identity at most once a second (by the injected
 * clock); {@link #reload()} forces it.
 */
public final class ApiKeyStore {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final Path file;
    private final Clock clock;
    private final SecureRandom random;
    private final ReloadingFile<List<Stored>> stored;

    public ApiKeyStore(Path file, Clock clock, SecureRandom random) {
        this.file = requireNonNull(file, "file is null").toAbsolutePath().normalize();
        this.clock = requireNonNull(clock, "clock is null");
        this.random = requireNonNull(random, "random is null");
        this.stored = new ReloadingFile<>(this.file, clock, RECHECK, f -> read(), List.of());
    }

    /** A store on {@code file} with the system clock and a strong random source. */
    public static ApiKeyStore open(Path file) {
        return new ApiKeyStore(file, Clock.systemUTC(), new SecureRandom());
    }

    public Path file() {
        return file;
    }

    /**
     * Creates an active key named {@code name} with {@code scopes}. The returned plaintext is the only copy.
     *
     * @throws IllegalArgumentException when the name is invalid or an active key already has it
     */
    public CreatedApiKey create(String name, Collection<String> scopes) {
        requireNonNull(name, "name is null");
        requireNonNull(scopes, "scopes is null");
        if (!InlineApiKey.validName(name)) {
            throw new IllegalArgumentException("key name '" + name
                    + "' is not valid: use 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        List<String> scopeList = List.copyOf(new LinkedHashSet<>(scopes));
        for (String s : scopeList) {
            if (s.isBlank() || s.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("scope '" + s + "' is not valid: scopes are single words such as sql:read");
            }
        }
        return update(keys -> {
            for (Stored k : keys) {
                if (k.info.name().equals(name) && k.info.active()) {
                    throw new IllegalArgumentException("an active key named '" + name + "' already exists (id "
                            + k.info.id() + "); revoke it first with `sluice keys revoke " + name + "` or pick another name");
                }
            }
            ApiKeys.Generated g;
            do {
                g = ApiKeys.generate(random);
            } while (byId(keys, g.id()).isPresent());
            ApiKeyInfo info = new ApiKeyInfo(g.id(), name, scopeList, clock.instant(), null);
            keys.add(new Stored(info, ApiKeys.sha256(g.plaintext())));
            return new CreatedApiKey(info, g.plaintext());
        });
    }

    /** Every key in the file, active and revoked, oldest first; no secrets. */
    public List<ApiKeyInfo> list() {
        return stored.reload().stream().map(Stored::info).toList();
    }

    /**
     * Revokes the active key with this name or id.
     *
     * @throws IllegalArgumentException when no active key has that name or id
     */
    public ApiKeyInfo revoke(String nameOrId) {
        requireNonNull(nameOrId, "nameOrId is null");
        return update(keys -> {
            for (int i = 0; i < keys.size(); i++) {
                Stored k = keys.get(i);
                if (k.info.active() && (k.info.id().equals(nameOrId) || k.info.name().equals(nameOrId))) {
                    ApiKeyInfo revoked = new ApiKeyInfo(k.info.id(), k.info.name(), k.info.scopes(), k.info.createdAt(),
                            clock.instant());
                    keys.set(i, new Stored(revoked, k.sha256));
                    return revoked;
                }
            }
            throw new IllegalArgumentException("no active key has the name or id '" + nameOrId
                    + "' in " + file + "; `sluice keys list` shows the keys");
        });
    }

    /** Re-reads the file now if it changed since the last read. */
    public void reload() {
        stored.reload();
    }

    /**
     * The stored key with this id (active or revoked), after re-reading the file if a second has
     * passed; a damaged file leaves the last good keys in use (and is logged once).
     */
    Optional<Stored> find(String id) {
        return byId(stored.get(), id);
    }

    record Stored(ApiKeyInfo info, String sha256) {
        @Override
        public String toString() {
            return "Stored[" + info + "]";
        }
    }

    private static Optional<Stored> byId(List<Stored> keys, String id) {
        return keys.stream().filter(k -> k.info.id().equals(id)).findFirst();
    }

    private <T> T update(Function<List<Stored>, T> change) {
        try {
            return AtomicFiles.locked(file, () -> {
                List<Stored> current = new ArrayList<>(Files.exists(file) ? read() : List.of());
                T result = change.apply(current);
                write(current);
                stored.replaced(List.copyOf(current));
                return result;
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot update the API key file " + file + ": " + e.getMessage()
                    + "; check that its folder exists and is writable", e);
        }
    }

    private List<Stored> read() {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IllegalStateException("the API key file " + file + " is not valid JSON (" + e.getMessage()
                    + "); restore it from a backup or delete it and create the keys again with `sluice keys create`", e);
        }
        if (root == null || !root.isObject() || root.path("version").asInt() != 1 || !root.path("keys").isArray()) {
            throw new IllegalStateException("the API key file " + file
                    + " is not a version 1 key file ({\"version\":1,\"keys\":[...]}); it is written only by `sluice keys`");
        }
        List<Stored> keys = new ArrayList<>();
        for (JsonNode k : root.get("keys")) {
            try {
                List<String> scopes = new ArrayList<>();
                k.path("scopes").forEach(s -> scopes.add(s.asText()));
                JsonNode revoked = k.get("revoked_at");
                ApiKeyInfo info = new ApiKeyInfo(text(k, "id"), text(k, "name"), scopes, Instant.parse(text(k, "created_at")),
                        revoked == null || revoked.isNull() ? null : Instant.parse(revoked.asText()));
                keys.add(new Stored(info, text(k, "sha256")));
            } catch (RuntimeException e) {
                throw new IllegalStateException("the API key file " + file + " has a damaged entry (" + e.getMessage()
                        + "); it is written only by `sluice keys`", e);
            }
        }
        return List.copyOf(keys);
    }

    private static String text(JsonNode k, String field) {
        JsonNode v = k.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }

    private void write(List<Stored> keys) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        ArrayNode array = root.putArray("keys");
        for (Stored k : keys) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", k.info.id());
            entry.put("name", k.info.name());
            entry.put("sha256", k.sha256);
            entry.put("scopes", k.info.scopes());
            entry.put("created_at", k.info.createdAt().toString());
            entry.put("revoked_at", k.info.revokedAt() == null ? null : k.info.revokedAt().toString());
            array.add(MAPPER.valueToTree(entry));
        }
        AtomicFiles.replace(file, MAPPER.writeValueAsBytes(root), true);
    }
}
