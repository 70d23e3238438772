package dev.sluice.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.audit.AuditQuery;
import dev.sluice.audit.AuditRecord;
import dev.sluice.audit.AuditStatus;
import dev.sluice.audit.GuardDecision;
import dev.sluice.core.config.ConfigLoader;
import dev.sluice.core.config.SluiceConfig;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.transport.http.McpHttpServer;
import dev.sluice.security.LocalIssuer;
import dev.sluice.security.apikey.ApiKeyStore;
import dev.sluice.server.HttpLauncher;
import dev.sluice.server.SluiceServerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governed server over real HTTP: API keys in every accepted place, OAuth bearer JWTs from a
 * local issuer, scopes on tools, the audit record of every call and refusal, rate limits, metrics
 * and the metadata document.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GovernanceHttpTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String READER_KEY = "reader-key-0123456789abcdef";
    private static final String NOSCOPE_KEY = "noscope-key-0123456789abcdef";
    private static final String METRICS_KEY = "metrics-key-0123456789abcdef";
    private static final String AUDITOR_KEY = "auditor-key-0123456789abcdef";
    private static final AtomicInteger IDS = new AtomicInteger(1);

    @TempDir
    static Path dir;
    private static LocalIssuer issuer;
    private static SluiceServerFactory.Running app;
    private static McpHttpServer http;
    private static String base;
    private static String revokedKey;

    @BeforeAll
    static void start() throws Exception {
        issuer = new LocalIssuer();
        ApiKeyStore keys = ApiKeyStore.open(dir.resolve("keys.json"));
        revokedKey = keys.create("leaver", List.of("sql:read")).plaintext();
        keys.revoke("leaver");
        String yaml = """
                server:
                  stateless: true
                auth:
                  resource: http://127.0.0.1/mcp
                  key_file: %s
                  api_keys:
                    - { name: claude, key: %s, scopes: [sql:read] }
                    - { name: intern, key: %s, scopes: [profile] }
                    - { name: prometheus, key: %s, scopes: [metrics:read] }
                    - { name: auditor, key: %s, scopes: [audit:read] }
                  claim_arguments: { customers_in: { country: country } }
                  oauth:
                    issuer: %s
                    audience: http://127.0.0.1/mcp
                    jwks_uri: %s
                  rate_limit: { requests_per_second: 1000, burst: 1000 }
                audit:
                  store: %s
                tools:
                  customers_in:
                    source: demo
                    description: Customers in one country
                    statement: "SELECT count(*) AS n FROM analytics.customers WHERE country = :country"
                    parameters: [ { name: country, type: string, description: ISO country code } ]
                """.formatted(dir.resolve("keys.json"), READER_KEY, NOSCOPE_KEY, METRICS_KEY, AUDITOR_KEY, issuer.issuer(), issuer.jwksUri(),
                dir.resolve("audit.db"));
        SluiceConfig config = ConfigLoader.parse("g.yaml", yaml, Map.of());
        app = SluiceServerFactory.create(config, "http://127.0.0.1/mcp", Clock.systemUTC());
        http = HttpLauncher.start(app, config.server().withHostAndPort("127.0.0.1", 0));
        base = "http://127.0.0.1:" + http.port();
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
        app.close();
        issuer.close();
    }

    private static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A stateless legacy tools/call with a unique request id, so its audit record can be found. */
    private static String call(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"" + requestId() + "\",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private static String requestId() {
        return "req-" + IDS.getAndIncrement();
    }

    /** The JSON-RPC response, from a JSON body or the last event of an SSE body. */
    private static JsonNode json(String body) {
        if (body.startsWith("{")) {
            return Json.parse(body);
        }
        String last = null;
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                last = line.substring(6);
            }
        }
        return Json.parse(last);
    }

    private static String idOf(String body) {
        return Json.parse(body).path("id").asText();
    }

    private static AuditRecord audited(String requestId) {
        List<AuditRecord> found = app.governance().audit().search(AuditQuery.all().unlimited()).stream()
                .filter(r -> requestId.equals(r.requestId())).toList();
        assertThat(found).as("audit record of " + requestId).hasSize(1);
        return found.get(0);
    }

    @Test
    void noCredential_is401WithTheMetadataChallenge_andAudited() throws Exception {
        int before = app.governance().audit().search(AuditQuery.all().withStatus(AuditStatus.UNAUTHENTICATED).withLimit(10_000)).size();
        HttpResponse<String> r = post("/mcp", call("list_sources", "{}"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer ").contains("resource_metadata=\"http://127.0.0.1/.well-known/oauth-protected-resource/mcp\"");
        assertThat(app.governance().audit().search(AuditQuery.all().withStatus(AuditStatus.UNAUTHENTICATED).withLimit(10_000)))
                .hasSize(before + 1);
    }

    @Test
    void apiKey_isAcceptedInEveryPlaceConnectorsUse_andTheCallIsAuditedWithItsSql() throws Exception {
        String sql = "SELECT count(*) AS n FROM analytics.customers";
        String args = "{\"sql_query\":\"" + sql + "\"}";
        String viaQuery = call("execute_query", args);
        List<HttpResponse<String>> replies = List.of(
                post("/mcp", call("execute_query", args), "Authorization", "Bearer " + READER_KEY),
                post("/mcp", call("execute_query", args), "X-API-Key", READER_KEY),
                post("/mcp?api_key=" + READER_KEY, viaQuery),
                post("/mcp?key=" + READER_KEY, call("execute_query", args)));
        for (HttpResponse<String> r : replies) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode result = json(r.body()).path("result").path("structuredContent");
            assertThat(result.path("success").asBoolean()).as(r.body()).isTrue();
        }
        AuditRecord record = audited(idOf(viaQuery));
        assertThat(record.principal()).isEqualTo("apikey:claude");
        assertThat(record.authMethod()).isEqualTo("api_key");
        assertThat(record.finalSql()).isEqualTo(sql);
        assertThat(record.guardDecision()).isEqualTo(GuardDecision.ALLOWED);
        assertThat(record.rowCount()).isEqualTo(1L);
        assertThat(record.resultHash()).startsWith("sha256:");
        assertThat(record.source()).isEqualTo("demo");
        assertThat(record.status()).isEqualTo(AuditStatus.OK);
        assertThat(record.arguments()).doesNotContain(READER_KEY);
    }

    @Test
    void guardRefusal_isAuditedWithItsRule() throws Exception {
        String body = call("execute_query", "{\"sql_query\":\"DELETE FROM analytics.customers\"}");
        HttpResponse<String> r = post("/mcp", body, "X-API-Key", READER_KEY);
        assertThat(json(r.body()).at("/result/isError").asBoolean()).isTrue();
        AuditRecord record = audited(idOf(body));
        assertThat(record.status()).isEqualTo(AuditStatus.REFUSED);
        assertThat(record.guardDecision()).isEqualTo(GuardDecision.REFUSED);
        assertThat(record.guardRule()).isNotBlank();
        assertThat(get("/metrics", "X-API-Key", METRICS_KEY).body()).contains("sluice_guard_refusals_total{rule=\"" + record.guardRule() + "\"}");
    }

    @Test
    void keyWithoutTheReadScope_seesNoDataTools_andIsForbiddenWithAStepUpChallenge() throws Exception {
        HttpResponse<String> list = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "X-API-Key", NOSCOPE_KEY);
        assertThat(json(list.body()).at("/result/tools")).isEmpty();
        String body = call("list_tables", "{}");
        HttpResponse<String> r = post("/mcp", body, "X-API-Key", NOSCOPE_KEY);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"insufficient_scope\"").contains("sql:read");
        AuditRecord record = audited(idOf(body));
        assertThat(record.status()).isEqualTo(AuditStatus.FORBIDDEN);
        assertThat(record.principal()).isEqualTo("apikey:intern");
    }

    @Test
    void revokedKey_isRefusedAndAudited() throws Exception {
        HttpResponse<String> r = post("/mcp", call("list_sources", "{}"), "X-API-Key", revokedKey);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(app.governance().audit().search(AuditQuery.all().withText("revoked_key").withLimit(10))).isNotEmpty();
    }

    @Test
    void oauthToken_fromTheIssuer_isAccepted_andAnExpiredOneIsRefusedAsInvalidToken() throws Exception {
        Instant now = Instant.now();
        String good = issuer.signRsa(issuer.claims(now, "http://127.0.0.1/mcp").build());
        String body = call("list_sources", "{}");
        HttpResponse<String> ok = post("/mcp", body, "Authorization", "Bearer " + good);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        AuditRecord record = audited(idOf(body));
        assertThat(record.principal()).isEqualTo("user-42");
        assertThat(record.authMethod()).isEqualTo("oauth");

        String expired = issuer.signRsa(issuer.claims(now.minusSeconds(3600), "http://127.0.0.1/mcp").build());
        HttpResponse<String> refused = post("/mcp", call("list_sources", "{}"), "Authorization", "Bearer " + expired);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");

        String otherAudience = issuer.signRsa(issuer.claims(now, "https://elsewhere.example/mcp").build());
        assertThat(post("/mcp", call("list_sources", "{}"), "Authorization", "Bearer " + otherAudience).statusCode()).isEqualTo(401);
    }

    @Test
    void jwtInTheQueryString_isRefused() throws Exception {
        String token = issuer.signRsa(issuer.claims(Instant.now(), "http://127.0.0.1/mcp").build());
        assertThat(post("/mcp?api_key=" + token, call("list_sources", "{}")).statusCode()).isEqualTo(400);
    }

    @Test
    void protectedResourceMetadata_isServedUnauthenticated_atBothPaths() throws Exception {
        for (String path : List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode doc = Json.parse(r.body());
            assertThat(doc.path("resource").asText()).isEqualTo("http://127.0.0.1/mcp");
            assertThat(doc.path("authorization_servers").get(0).asText()).isEqualTo(issuer.issuer());
        }
    }

    @Test
    void metrics_needTheMetricsScope_andCountCalls() throws Exception {
        post("/mcp", call("list_sources", "{}"), "X-API-Key", READER_KEY);
        assertThat(get("/metrics").statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "X-API-Key", READER_KEY).statusCode()).isEqualTo(403);
        HttpResponse<String> r = get("/metrics", "X-API-Key", METRICS_KEY);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        assertThat(r.body()).contains("sluice_tool_calls_total{tool=\"list_sources\",status=\"ok\"}")
                .contains("sluice_auth_failures_total").contains("sluice_audit_write_duration_seconds_count");
    }

    @Test
    void hostileInput_withAValidKey_leavesTheServerRunning() throws Exception {
        for (String body : List.of("{", "[]", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}",
                call("execute_query", "{\"sql_query\":\"SELECT 1; DROP TABLE x\"}"))) {
            assertThat(post("/mcp", body, "X-API-Key", READER_KEY).statusCode()).isLessThan(500);
        }
        assertThat(post("/mcp", call("list_sources", "{}"), "X-API-Key", READER_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenClaims_fillToolArguments_theModelCannotChooseOrSee() throws Exception {
        String token = issuer.signRsa(issuer.claims(Instant.now(), "http://127.0.0.1/mcp").claim("country", "JP").build());
        HttpResponse<String> list = post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "Authorization", "Bearer " + token);
        JsonNode tool = null;
        for (JsonNode t : json(list.body()).at("/result/tools")) {
            if (t.path("name").asText().equals("customers_in")) {
                tool = t;
            }
        }
        assertThat(tool).as(list.body()).isNotNull();
        assertThat(tool.at("/inputSchema/properties").has("country")).isFalse();

        HttpResponse<String> chosen = post("/mcp", call("customers_in", "{\"country\":\"US\"}"), "Authorization", "Bearer " + token);
        assertThat(json(chosen.body()).at("/result/content/0/text").asText()).contains("unknown argument 'country'");
        HttpResponse<String> jp = post("/mcp", call("customers_in", "{}"), "Authorization", "Bearer " + token);
        long fromToken = json(jp.body()).at("/result/structuredContent/rows/0/n").asLong();
        HttpResponse<String> direct = post("/mcp", call("execute_query",
                "{\"sql_query\":\"SELECT count(*) AS n FROM analytics.customers WHERE country = 'JP'\"}"), "X-API-Key", READER_KEY);
        assertThat(fromToken).as(jp.body()).isEqualTo(json(direct.body()).at("/result/structuredContent/rows/0/n").asLong()).isPositive();

        HttpResponse<String> noClaim = post("/mcp", call("customers_in", "{}"), "X-API-Key", READER_KEY);
        assertThat(json(noClaim.body()).at("/result/isError").asBoolean()).isTrue();
        assertThat(json(noClaim.body()).at("/result/content/0/text").asText()).contains("claim 'country'");
    }

    @Test
    void auditApi_servesRecordsAsJson_onlyWithTheAuditScope() throws Exception {
        String body = call("list_sources", "{}");
        post("/mcp", body, "X-API-Key", READER_KEY);
        assertThat(get("/api/audit").statusCode()).isEqualTo(401);
        assertThat(get("/api/audit", "X-API-Key", READER_KEY).statusCode()).isEqualTo(403);
        assertThat(get("/api/audit?colour=red", "X-API-Key", AUDITOR_KEY).statusCode()).isEqualTo(400);
        HttpResponse<String> r = get("/api/audit?tool=list_sources&principal=apikey:claude&limit=1000", "X-API-Key", AUDITOR_KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode records = Json.parse(r.body()).path("records");
        assertThat(records).isNotEmpty();
        assertThat(records).anySatisfy(rec -> assertThat(rec.path("request_id").asText()).isEqualTo(idOf(body)));
    }
}
