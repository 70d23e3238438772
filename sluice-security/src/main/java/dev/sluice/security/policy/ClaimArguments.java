package dev.sluice.security.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.security.Principal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * {@code auth.claim_arguments}: tool arguments that come from the caller's verified token, never from
 * the model, e.g. {@code {top_customers: {tenant_id: tenant}}} fills {@code tenant_id} from the
 * {@code tenant} claim. Whatever the client sent for such an argument is overwritten. The HTTP layer
 * also hides these arguments from the tool's input schema in {@code tools/list}.
 */
public final class ClaimArguments {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Map<String, String>> byTool;

    /** @param byTool tool → (argument → claim name; dotted names walk nested claims) */
    public ClaimArguments(Map<String, Map<String, String>> byTool) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        requireNonNull(byTool, "byTool is null").forEach((tool, args) ->
                copy.put(tool, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args))));
        this.byTool = java.util.Collections.unmodifiableMap(copy);
    }

    public static ClaimArguments none() {
        return new ClaimArguments(Map.of());
    }

    /** Argument names of {@code tool} that come from claims (to hide from its schema). */
    public Set<String> hiddenArguments(String tool) {
        return byTool.getOrDefault(tool, Map.of()).keySet();
    }

    /** A copy of {@code inputSchema} without the claim-filled properties (also dropped from {@code required}). */
    public ObjectNode hideFromSchema(String tool, ObjectNode inputSchema) {
        Set<String> hidden = hiddenArguments(tool);
        ObjectNode copy = inputSchema.deepCopy();
        if (hidden.isEmpty()) {
            return copy;
        }
        if (copy.get("properties") instanceof ObjectNode props) {
            props.remove(hidden);
        }
        if (copy.get("required") instanceof ArrayNode required) {
            ArrayNode kept = copy.putArray("required");
            required.forEach(r -> {
                if (!hidden.contains(r.asText())) {
                    kept.add(r);
                }
            });
        }
        return copy;
    }

    /** Result of {@link #apply}. */
    public sealed interface Outcome {
        /** Arguments with the claim values in place (a copy; the input is untouched). */
        record Filled(ObjectNode arguments) implements Outcome {
        }

        /** A configured claim is missing from the caller's token: refuse the call with {@code message} (a tool error). */
        record MissingClaim(String argument, String claim, String message) implements Outcome {
        }
    }

    /** Sets every claim-filled argument of {@code tool} from {@code principal}'s claims. */
    public Outcome apply(Principal principal, String tool, ObjectNode arguments) {
        requireNonNull(principal, "principal is null");
        requireNonNull(arguments, "arguments is null");
        Map<String, String> mapping = byTool.getOrDefault(tool, Map.of());
        ObjectNode copy = arguments.deepCopy();
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            Optional<Object> value = principal.claim(e.getValue());
            if (value.isEmpty()) {
                return new Outcome.MissingClaim(e.getKey(), e.getValue(), "tool " + tool + " takes its argument " + e.getKey()
                        + " from the token claim '" + e.getValue() + "', which the caller (" + principal.displayName()
                        + ") does not have; call it with an OAuth token that carries that claim");
            }
            JsonNode node = MAPPER.valueToTree(value.get());
            copy.set(e.getKey(), node);
        }
        return new Outcome.Filled(copy);
    }
}
