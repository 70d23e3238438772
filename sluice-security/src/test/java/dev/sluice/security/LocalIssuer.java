package dev.sluice.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real OIDC issuer for tests: JDK HTTP server on 127.0.0.1, port 0, serving
 * {@code /.well-known/openid-configuration} and {@code /jwks} with real RSA and EC keys, and signing
 * tokens with them through Nimbus.
 */
public final class LocalIssuer implements AutoCloseable {
    private final HttpServer server;
    private final String issuer;
    private final List<JWK> published = new ArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile boolean jwksDown;
    private volatile String discoveryIssuer;
    public final RSAKey rsa;
    public final ECKey ec;

    public LocalIssuer() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).generate();
        published.add(rsa);
        published.add(ec);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        discoveryIssuer = issuer;
        server.createContext("/.well-known/openid-configuration", ex -> {
            count("discovery");
            respond(ex, 200, "{\"issuer\":\"" + discoveryIssuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                    + "\"authorization_endpoint\":\"" + issuer + "/authorize\"}");
        });
        server.createContext("/jwks", ex -> {
            count("jwks");
            if (jwksDown) {
                respond(ex, 500, "{}");
                return;
            }
            List<JWK> publics;
            synchronized (published) {
                publics = published.stream().map(JWK::toPublicJWK).toList();
            }
            respond(ex, 200, new JWKSet(publics).toString());
        });
        server.start();
    }

    private void count(String what) {
        hits.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    public String issuer() {
        return issuer;
    }

    public URI jwksUri() {
        return URI.create(issuer + "/jwks");
    }

    public int hits(String what) {
        AtomicInteger n = hits.get(what);
        return n == null ? 0 : n.get();
    }

    public void publish(JWK key) {
        synchronized (published) {
            published.add(key);
        }
    }

    public void unpublish(String kid) {
        synchronized (published) {
            published.removeIf(k -> kid.equals(k.getKeyID()));
        }
    }

    public void jwksDown(boolean down) {
        this.jwksDown = down;
    }

    public void discoveryClaimsIssuer(String value) {
        this.discoveryIssuer = value;
    }

    /** Standard claims valid at {@code now} for {@code audience}, then {@code customise}. */
    public JWTClaimsSet.Builder claims(Instant now, String audience) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-42")
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("scope", "sql:read")
                .claim("name", "Ada");
    }

    public String signRsa(JWTClaimsSet claims) throws Exception {
        return sign(new RSASSASigner(rsa), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
    }

    public String signEc(JWTClaimsSet claims) throws Exception {
        return sign(new ECDSASigner(ec), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(), claims);
    }

    public static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    public String signWith(RSAKey key, Consumer<JWSHeader.Builder> header, JWTClaimsSet claims) throws Exception {
        JWSHeader.Builder b = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
        header.accept(b);
        return sign(new RSASSASigner(key), b.build(), claims);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
