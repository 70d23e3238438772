package dev.sluice.security.policy;

import dev.sluice.security.BearerChallenge;
import dev.sluice.security.Principal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Scopes per tool and source. Defaults: {@code transact} needs {@value #WRITE}; a gateway tool
 * {@code <target>___<tool>} needs {@code gateway:<target>}; every other tool (the data tools and
 * configured SQL tools) needs {@value #READ}. {@code auth.tool_scopes} replaces a tool's default;
 * {@code auth.source_scopes} adds scopes needed to use a source. A tool configured with an empty list
 * needs no scope. {@value Principal#ALL_SCOPES} grants everything.
 */
public final class AccessPolicy {
    public static final String READ = "sql:read";
    public static final String WRITE = "sql:write";
    public static final String GATEWAY_PREFIX = "gateway:";
    static final String GATEWAY_SEPARATOR = "___";

    private final Map<String, List<String>> toolScopes;
    private final Map<String, List<String>> sourceScopes;
    private final String resourceMetadataUrl;

    /**
     * @param toolScopes          {@code auth.tool_scopes}
     * @param sourceScopes        {@code auth.source_scopes}
     * @param resourceMetadataUrl the Protected Resource Metadata URL for challenges, or null
     */
    public AccessPolicy(Map<String, List<String>> toolScopes, Map<String, List<String>> sourceScopes, String resourceMetadataUrl) {
        this.toolScopes = Map.copyOf(requireNonNull(toolScopes, "toolScopes is null"));
        this.sourceScopes = Map.copyOf(requireNonNull(sourceScopes, "sourceScopes is null"));
        this.resourceMetadataUrl = resourceMetadataUrl;
    }

    /** Only the defaults. */
    public static AccessPolicy defaults() {
        return new AccessPolicy(Map.of(), Map.of(), null);
    }

    /** Scopes a call of {@code tool} needs, without regard to the source. */
    public List<String> toolScopes(String tool) {
        requireNonNull(tool, "tool is null");
        List<String> configured = toolScopes.get(tool);
        if (configured != null) {
            return configured;
        }
        if (tool.equals("transact")) {
            return List.of(WRITE);
        }
        int sep = tool.indexOf(GATEWAY_SEPARATOR);
        if (sep > 0) {
            return List.of(GATEWAY_PREFIX + tool.substring(0, sep));
        }
        return List.of(READ);
    }

    /** Every scope a call of {@code tool} on {@code source} (null: no source involved) needs, in a stable order. */
    public List<String> requiredScopes(String tool, String source) {
        Set<String> all = new LinkedHashSet<>(toolScopes(tool));
        if (source != null) {
            all.addAll(sourceScopes.getOrDefault(source, List.of()));
        }
        return List.copyOf(all);
    }

    /**
     * May {@code principal} call {@code tool} on {@code source}? Pass the source the call will really
     * use (the default source when the arguments name none), or null for tools without a source.
     */
    public Decision decide(Principal principal, String tool, String source) {
        requireNonNull(principal, "principal is null");
        List<String> required = requiredScopes(tool, source);
        List<String> missing = new ArrayList<>();
        for (String scope : required) {
            if (!principal.hasScope(scope)) {
                missing.add(scope);
            }
        }
        if (missing.isEmpty()) {
            return new Decision.Allowed();
        }
        String message = "calling " + tool + (source == null ? "" : " on source " + source) + " needs the scope"
                + (missing.size() == 1 ? " " : "s ") + String.join(" ", missing)
                + " which this credential lacks; request a token (or key) that grants " + String.join(" ", required);
        String header = BearerChallenge.bearer()
                .param("error", "insufficient_scope")
                .scope(required)
                .param("resource_metadata", resourceMetadataUrl)
                .param("error_description", message)
                .toString();
        return new Decision.Forbidden(missing, required, header, message);
    }

    /** Whether {@code tools/list} shows {@code tool} to {@code principal} (tool scopes only; sources are checked per call). */
    public boolean visible(Principal principal, String tool) {
        requireNonNull(principal, "principal is null");
        return toolScopes(tool).stream().allMatch(principal::hasScope);
    }
}
