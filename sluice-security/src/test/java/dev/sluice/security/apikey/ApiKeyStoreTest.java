package dev.sluice.security.apikey;

import dev.sluice.mcp.FakeClock;
import dev.sluice.security.CredentialCheck;
import dev.sluice.security.RefusalReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyStoreTest {
    @TempDir
    Path dir;
    Path file;
    FakeClock clock;
    ApiKeyStore store;

    @BeforeEach
    void setUp() {
        file = dir.resolve("sluice-keys.json");
        clock = new FakeClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        store = new ApiKeyStore(file, clock, new SecureRandom());
    }

    @Test
    void create_returnsAKeyOfTheDocumentedFormatOnce_andTheFileHoldsOnlyItsHash() throws Exception {
        CreatedApiKey k = store.create("claude", List.of("sql:read"));

        assertThat(k.plaintext()).matches("slk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(k.plaintext()).startsWith("slk_" + k.info().id() + "_");
        String json = Files.readString(file);
        assertThat(json).doesNotContain(k.plaintext()).doesNotContain(k.plaintext().substring(17))
                .contains(ApiKeys.sha256(k.plaintext())).contains("\"name\" : \"claude\"");
        assertThat(k.toString()).doesNotContain(k.plaintext()).contains("redacted");
        assertThat(k.info().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void keyFile_isOwnerOnly() throws Exception {
        store.create("claude", List.of("sql:read"));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sluice-keys.json", "sluice-keys.json.lock");
        }
    }

    @Test
    void generation_usesTheInjectedRandomSource() {
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 7);
            }
        };
        ApiKeys.Generated g = ApiKeys.generate(fixed);
        assertThat(g.id()).isEqualTo("070707070707");
        assertThat(g.plaintext()).isEqualTo("slk_070707070707_" + "BwcH".repeat(10) + "Bwc");
        assertThat(g.toString()).doesNotContain(g.plaintext());
    }

    @Test
    void list_showsNoSecrets_andRevokedKeysStayListed() {
        CreatedApiKey a = store.create("a", List.of("sql:read"));
        store.create("b", List.of("sql:write", "sql:read"));
        clock.advance(Duration.ofMinutes(1));
        ApiKeyInfo revoked = store.revoke("a");

        assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
        List<ApiKeyInfo> list = store.list();
        assertThat(list).extracting(ApiKeyInfo::name).containsExactly("a", "b");
        assertThat(list.get(0).active()).isFalse();
        assertThat(list.get(1).scopes()).containsExactly("sql:write", "sql:read");
        assertThat(list.toString()).doesNotContain(a.plaintext()).doesNotContain(ApiKeys.sha256(a.plaintext()));
    }

    @Test
    void revoke_byIdWorks_unknownNameFailsWithAHint() {
        CreatedApiKey a = store.create("a", List.of("sql:read"));
        assertThat(store.revoke(a.info().id()).name()).isEqualTo("a");
        assertThatThrownBy(() -> store.revoke("a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no active key has the name or id 'a'").hasMessageContaining("sluice keys list");
    }

    @Test
    void create_refusesADuplicateActiveName_butAllowsItAfterRevoke() {
        store.create("a", List.of("sql:read"));
        assertThatThrownBy(() -> store.create("a", List.of("sql:read"))).hasMessageContaining("already exists");
        store.revoke("a");
        assertThat(store.create("a", List.of("sql:read")).info().active()).isTrue();
    }

    @Test
    void create_refusesBadNamesAndScopes() {
        assertThatThrownBy(() -> store.create("has space", List.of())).hasMessageContaining("is not valid");
        assertThatThrownBy(() -> store.create("ok", List.of("sql read"))).hasMessageContaining("scope 'sql read' is not valid");
    }

    @Test
    void concurrentCreatesFromTwoThreadsAndStores_loseNoKey() throws Exception {
        ApiKeyStore other = new ApiKeyStore(file, clock, new SecureRandom());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<CreatedApiKey>>> futures = new ArrayList<>();
            for (ApiKeyStore s : List.of(store, other)) {
                String prefix = s == store ? "one-" : "two-";
                Callable<List<CreatedApiKey>> task = () -> {
                    start.await();
                    List<CreatedApiKey> made = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        made.add(s.create(prefix + i, List.of("sql:read")));
                    }
                    return made;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<CreatedApiKey> all = new ArrayList<>();
            for (Future<List<CreatedApiKey>> f : futures) {
                all.addAll(f.get());
            }
            ApiKeyStore reader = new ApiKeyStore(file, clock, new SecureRandom());
            assertThat(reader.list()).hasSize(30);
            ApiKeyVerifier verifier = new ApiKeyVerifier(List.of(), reader);
            for (CreatedApiKey k : all) {
                assertThat(verifier.verify(k.plaintext())).isInstanceOf(CredentialCheck.Verified.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revocationByAnotherStore_isSeenAfterAtMostOneSecond() {
        CreatedApiKey k = store.create("claude", List.of("sql:read"));
        ApiKeyStore server = new ApiKeyStore(file, clock, new SecureRandom());
        ApiKeyVerifier verifier = new ApiKeyVerifier(List.of(), server);
        assertThat(verifier.verify(k.plaintext())).isInstanceOf(CredentialCheck.Verified.class);

        new ApiKeyStore(file, clock, new SecureRandom()).revoke("claude");
        assertThat(verifier.verify(k.plaintext())).as("within the same second the cached snapshot answers")
                .isInstanceOf(CredentialCheck.Verified.class);

        clock.advance(Duration.ofSeconds(1));
        CredentialCheck check = verifier.verify(k.plaintext());
        assertThat(check).isInstanceOf(CredentialCheck.Rejected.class);
        assertThat(((CredentialCheck.Rejected) check).reason()).isEqualTo(RefusalReason.REVOKED_KEY);
    }

    @Test
    void explicitReload_seesChangesImmediately() {
        ApiKeyStore server = new ApiKeyStore(file, clock, new SecureRandom());
        ApiKeyVerifier verifier = new ApiKeyVerifier(List.of(), server);
        assertThat(verifier.verify("slk_000000000000_" + "A".repeat(43))).isInstanceOf(CredentialCheck.Rejected.class);
        CreatedApiKey k = store.create("late", List.of("sql:read"));

        server.reload();
        assertThat(verifier.verify(k.plaintext())).isInstanceOf(CredentialCheck.Verified.class);
    }

    @Test
    void missingFile_listsNothing() {
        assertThat(store.list()).isEmpty();
    }

    @Test
    void damagedFile_failsWithWhatToDo() throws Exception {
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> store.list()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("sluice keys create");
        Files.writeString(file, "{\"version\":2,\"keys\":[]}");
        assertThatThrownBy(() -> store.list()).hasMessageContaining("not a version 1 key file");
    }

    @Test
    void damagedFileWhileServing_keepsTheLastGoodKeys() throws Exception {
        CreatedApiKey k = store.create("claude", List.of("sql:read"));
        ApiKeyVerifier verifier = new ApiKeyVerifier(List.of(), store);
        Files.writeString(file, "garbage");
        clock.advance(Duration.ofSeconds(2));
        assertThat(verifier.verify(k.plaintext())).isInstanceOf(CredentialCheck.Verified.class);
    }

    @Test
    void inlineKey_isComparedByHash_andToStringRedacts() {
        InlineApiKey inline = InlineApiKey.of("claude", "inline-secret-123456", List.of("sql:read"));
        assertThat(inline.toString()).doesNotContain("inline-secret").doesNotContain(inline.sha256());
        ApiKeyVerifier verifier = new ApiKeyVerifier(List.of(inline), null);
        assertThat(verifier.verify("inline-secret-123456")).isInstanceOf(CredentialCheck.Verified.class);
        assertThat(verifier.verify("inline-secret-123457")).isInstanceOf(CredentialCheck.Rejected.class);
    }
}
