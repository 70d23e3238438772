package dev.sluice.security.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * The issuer's signing keys: located once (configured {@code jwks_uri}, else {@code discovery_url},
 * else the issuer's {@code /.well-known/openid-configuration} and {@code oauth-authorization-server}
 * documents, whose {@code issuer} must equal the configured one), fetched lazily, kept for
 * {@code jwks_max_age}, and fetched again when a token names an unknown {@code kid} — at most once per
 * {@code jwks_refresh_min_interval}, so forged key ids cannot make the server hammer the issuer.
 * A failed periodic refresh keeps the keys it had. Fetches are serialised; callers wait for one.
 */
final class JwksSource {
    private static final Logger LOG = Logger.getLogger(JwksSource.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OAuthSettings settings;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private URI jwksUri;
    private JWKSet keys;
    private Instant fetchedAt = Instant.MIN;
    private Instant lastAttempt = Instant.MIN;
    private String lastProblem = "not fetched yet";
    private int fetches;

    JwksSource(OAuthSettings settings, HttpFetcher fetcher, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.fetcher = requireNonNull(fetcher, "fetcher is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.jwksUri = settings.jwksUri();
    }

    sealed interface Lookup {
        /** Keys with the requested kid (every key when the token has none). */
        record Found(List<JWK> keys) implements Lookup {
        }

        record UnknownKid() implements Lookup {
        }

        record Unavailable(String problem) implements Lookup {
        }
    }

    synchronized Lookup find(String kid) {
        Instant now = clock.instant();
        boolean stale = keys == null || !now.isBefore(fetchedAt.plus(settings.jwksMaxAge()));
        if (stale && mayFetch(now)) {
            fetch(now);
        }
        if (keys == null) {
            return new Lookup.Unavailable(lastProblem);
        }
        List<JWK> found = select(kid);
        if (found.isEmpty() && mayFetch(now)) {
            fetch(now);
            found = select(kid);
        }
        return found.isEmpty() ? new Lookup.UnknownKid() : new Lookup.Found(found);
    }

    /** Fetches now unless a fetch happened within the minimum interval; null when keys are available. */
    synchronized String warmUp() {
        Instant now = clock.instant();
        if (keys == null && mayFetch(now)) {
            fetch(now);
        }
        return keys == null ? lastProblem : null;
    }

    /** How many JWKS fetches were made (successful or not); for tests and metrics. */
    synchronized int fetchCount() {
        return fetches;
    }

    private boolean mayFetch(Instant now) {
        return lastAttempt.equals(Instant.MIN) || !now.isBefore(lastAttempt.plus(settings.jwksRefreshMinInterval()));
    }

    private List<JWK> select(String kid) {
        List<JWK> out = new ArrayList<>();
        for (JWK k : keys.getKeys()) {
            if (k.isPrivate()) {
                continue;
            }
            if (kid == null || kid.equals(k.getKeyID())) {
                out.add(k);
            }
        }
        return out;
    }

    private void fetch(Instant now) {
        lastAttempt = now;
        try {
            if (jwksUri == null) {
                jwksUri = discover();
            }
            fetches++;
            JWKSet set = JWKSet.parse(fetcher.get(jwksUri));
            keys = set.toPublicJWKSet();
            fetchedAt = now;
            lastProblem = null;
        } catch (IOException | ParseException | IllegalArgumentException e) {
            lastProblem = "cannot get the signing keys of " + settings.issuer() + ": " + e.getMessage();
            LOG.warning(lastProblem + (keys == null ? "" : " (keeping the keys fetched at " + fetchedAt + ")"));
        }
    }

    private URI discover() throws IOException {
        List<URI> candidates = new ArrayList<>();
        if (settings.discoveryUrl() != null) {
            candidates.add(settings.discoveryUrl());
        } else {
            candidates.addAll(wellKnown(settings.issuer()));
        }
        List<String> problems = new ArrayList<>();
        for (URI candidate : candidates) {
            try {
                fetches++;
                JsonNode doc = MAPPER.readTree(fetcher.get(candidate));
                if (doc == null || !doc.isObject()) {
                    problems.add(candidate + ": not a JSON object");
                    continue;
                }
                if (!Objects.equals(doc.path("issuer").asText(null), settings.issuer())) {
                    problems.add(candidate + ": its issuer is '" + doc.path("issuer").asText("") + "', not '" + settings.issuer()
                            + "' (auth.oauth.issuer must equal the issuer the metadata declares)");
                    continue;
                }
                String jwks = doc.path("jwks_uri").asText(null);
                if (jwks == null) {
                    problems.add(candidate + ": has no jwks_uri");
                    continue;
                }
                String problem = Urls.problem(jwks);
                if (problem != null) {
                    problems.add(candidate + ": jwks_uri " + problem);
                    continue;
                }
                return URI.create(jwks);
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        throw new IOException("no usable metadata (" + String.join("; ", problems)
                + "); set auth.oauth.jwks_uri or auth.oauth.discovery_url");
    }

    /** OIDC discovery ({@code issuer + /.well-known/openid-configuration}), then RFC 8414 forms. */
    static List<URI> wellKnown(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI u = URI.create(base);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        String origin = u.getScheme() + "://" + u.getRawAuthority();
        List<URI> list = new ArrayList<>();
        list.add(URI.create(base + "/.well-known/openid-configuration"));
        list.add(URI.create(origin + "/.well-known/oauth-authorization-server" + path));
        if (!path.isEmpty()) {
            list.add(URI.create(origin + "/.well-known/openid-configuration" + path));
        }
        return list;
    }
}
