package dev.sluice.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.audit.AuditLog;
import dev.sluice.audit.AuditQuery;
import dev.sluice.audit.AuditRecord;
import dev.sluice.audit.AuditSettings;
import dev.sluice.audit.AuditStores;
import dev.sluice.mcp.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server under load, killed with SIGKILL: every tool call it acknowledged must be in the
 * audit log when the store is opened again, because the record is committed before the response
 * goes out.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AuditDurabilityIT {
    private static final String KEY = "durability-key-0123456789";

    @Test
    void everyAcknowledgedCall_survivesSigkill(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, """
                server: { stateless: true }
                auth:
                  api_keys: [ { name: loader, key: %s, scopes: [sql:read] } ]
                audit: { store: %s }
                """.formatted(KEY, dir.resolve("audit.db")));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        try (SluiceProcess sluice = SluiceProcess.startIn(dir, "serve", "--port", "0", "--config", config.toString());
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()) {
            int callers = 8;
            CountDownLatch done = new CountDownLatch(callers);
            for (int c = 0; c < callers; c++) {
                Thread.ofVirtual().start(() -> {
                    try {
                        while (!stop.get()) {
                            String id = "dur-" + sent.incrementAndGet();
                            String body = "{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"tools/call\",\"params\":{\"name\":"
                                    + "\"execute_query\",\"arguments\":{\"sql_query\":\"SELECT 42 AS answer\"}}}";
                            HttpResponse<String> r;
                            try {
                                r = http.send(HttpRequest.newBuilder(URI.create(sluice.url())).timeout(Duration.ofSeconds(10))
                                        .header("Content-Type", "application/json").header("Accept", "application/json")
                                        .header("X-API-Key", KEY).header("MCP-Protocol-Version", "2025-11-25")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            } catch (Exception killed) {
                                return; // the server is gone: this call was never acknowledged
                            }
                            JsonNode json = Json.parse(r.body());
                            if (r.statusCode() == 200 && json.at("/result/structuredContent/success").asBoolean()) {
                                acknowledged.add(id);
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(20); // waiting on a real child process under load; there is no clock to advance
            }
            sluice.kill();
            stop.set(true);
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sluice.exitCode()).isEqualTo(137);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        AuditSettings settings = new AuditSettings(dir.resolve("audit.db").toString(), null, null,
                AuditSettings.defaults().sync(), Duration.ZERO, false, AuditSettings.defaults().maxArgumentBytes());
        try (AuditLog log = AuditStores.open(settings, Clock.systemUTC())) {
            List<AuditRecord> records = log.search(AuditQuery.all().unlimited());
            Set<String> recorded = records.stream().map(AuditRecord::requestId).collect(Collectors.toSet());
            assertThat(acknowledged).allMatch(recorded::contains, "acknowledged and therefore in the audit log");
            assertThat(records).filteredOn(r -> acknowledged.contains(r.requestId()))
                    .allSatisfy(r -> {
                        assertThat(r.principal()).isEqualTo("apikey:loader");
                        assertThat(r.finalSql()).isEqualTo("SELECT 42 AS answer");
                    });
        }
    }
}
