package dev.sluice.security.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.security.AuthMethod;
import dev.sluice.security.Principal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimArgumentsTest {
    static final ObjectMapper M = new ObjectMapper();
    final ClaimArguments ca = new ClaimArguments(Map.of("top_customers", Map.of("tenant_id", "tenant", "region", "ext.region")));
    final Principal p = new Principal("u", AuthMethod.OAUTH, Set.of("sql:read"),
            Map.of("tenant", "acme", "ext", Map.of("region", List.of("eu"))), "u");

    @Test
    void apply_overwritesWhatTheClientSent_fromClaims() throws Exception {
        ObjectNode args = (ObjectNode) M.readTree("{\"tenant_id\":\"evil\",\"limit\":5}");
        ClaimArguments.Outcome o = ca.apply(p, "top_customers", args);
        assertThat(o).isInstanceOf(ClaimArguments.Outcome.Filled.class);
        assertThat(((ClaimArguments.Outcome.Filled) o).arguments().toString())
                .isEqualTo("{\"tenant_id\":\"acme\",\"limit\":5,\"region\":[\"eu\"]}");
        assertThat(args.get("tenant_id").asText()).as("input untouched").isEqualTo("evil");
    }

    @Test
    void apply_missingClaim_isARefusalNamingTheClaim() {
        Principal noTenant = new Principal("u", AuthMethod.OAUTH, Set.of(), Map.of("ext", Map.of("region", "eu")), "bob");
        ClaimArguments.Outcome o = ca.apply(noTenant, "top_customers", M.createObjectNode());
        assertThat(o).isInstanceOf(ClaimArguments.Outcome.MissingClaim.class);
        assertThat(((ClaimArguments.Outcome.MissingClaim) o).message()).contains("'tenant'").contains("bob");
    }

    @Test
    void apply_toolsWithoutMappingPassThrough() {
        assertThat(ca.apply(Principal.anonymous(), "execute_query", M.createObjectNode()))
                .isInstanceOf(ClaimArguments.Outcome.Filled.class);
    }

    @Test
    void hideFromSchema_dropsPropertiesAndRequired() throws Exception {
        ObjectNode schema = (ObjectNode) M.readTree("{\"type\":\"object\",\"properties\":{\"tenant_id\":{\"type\":\"string\"},"
                + "\"limit\":{\"type\":\"integer\"}},\"required\":[\"tenant_id\",\"limit\"]}");
        assertThat(ca.hiddenArguments("top_customers")).containsExactlyInAnyOrder("tenant_id", "region");
        assertThat(ca.hideFromSchema("top_customers", schema).toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"limit\":{\"type\":\"integer\"}},\"required\":[\"limit\"]}");
    }
}
