package dev.sluice.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The OAuth 2.0 Protected Resource Metadata document (RFC 9728) that MCP clients read to find the
 * authorization server. For a resource {@code https://host/mcp} it is served at
 * {@code /.well-known/oauth-protected-resource/mcp} (RFC 9728 section 3.1, the URL given in
 * {@code resource_metadata} of challenges) and, for clients that probe the root, at
 * {@code /.well-known/oauth-protected-resource}. Serve it with {@code GET}, status 200,
 * {@code Content-Type: application/json}, without authentication.
 */
public final class ProtectedResourceMetadata {
    public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    private final URI resource;
    private final List<String> authorizationServers;
    private final List<String> scopesSupported;
    private final String resourceName;

    /**
     * @param resource             this server's public {@code /mcp} URL (absolute)
     * @param authorizationServers issuer URLs; empty when only API keys are accepted
     */
    public ProtectedResourceMetadata(URI resource, List<String> authorizationServers, List<String> scopesSupported,
                                     String resourceName) {
        this.resource = requireNonNull(resource, "resource is null");
        this.authorizationServers = List.copyOf(requireNonNull(authorizationServers, "authorizationServers is null"));
        this.scopesSupported = List.copyOf(requireNonNull(scopesSupported, "scopesSupported is null"));
        this.resourceName = requireNonNull(resourceName, "resourceName is null");
        if (!resource.isAbsolute() || resource.getHost() == null) {
            throw new IllegalArgumentException("resource must be an absolute URL, got " + resource);
        }
    }

    /** The document for {@code settings}, or null when {@code auth.resource} is not set (nothing to serve). */
    public static ProtectedResourceMetadata from(AuthSettings settings) {
        if (settings.resource() == null) {
            return null;
        }
        List<String> servers = settings.oauth() == null ? List.of() : List.of(settings.oauth().issuer());
        return new ProtectedResourceMetadata(settings.resourceUri(), servers, settings.scopesSupported(), settings.resourceName());
    }

    public String resource() {
        return resource.toString();
    }

    /** The path this document is served at for the resource's path: {@code /.well-known/oauth-protected-resource/mcp}. */
    public String path() {
        String p = resource.getRawPath() == null ? "" : resource.getRawPath();
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return WELL_KNOWN + p;
    }

    /** Every path to serve the document at: {@link #path()} and the root form (one entry when they coincide). */
    public List<String> paths() {
        String p = path();
        return p.equals(WELL_KNOWN) ? List.of(WELL_KNOWN) : List.of(p, WELL_KNOWN);
    }

    /** True when {@code requestPath} is one of {@link #paths()}. */
    public boolean serves(String requestPath) {
        return paths().contains(requestPath);
    }

    /** The absolute URL of the document, as given in {@code resource_metadata} of challenges. */
    public String url() {
        String authority = resource.getRawAuthority();
        return resource.getScheme() + "://" + authority + path();
    }

    /** The document as an ordered map of JSON values. */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("resource", resource());
        if (!authorizationServers.isEmpty()) {
            doc.put("authorization_servers", authorizationServers);
        }
        if (!scopesSupported.isEmpty()) {
            doc.put("scopes_supported", scopesSupported);
        }
        doc.put("bearer_methods_supported", List.of("header"));
        doc.put("resource_name", resourceName);
        return doc;
    }

    /** The document as a JSON string. */
    public String json() {
        return Json.write(document());
    }
}
