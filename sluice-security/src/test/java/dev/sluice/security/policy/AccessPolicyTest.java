package dev.sluice.security.policy;

import dev.sluice.security.AuthMethod;
import dev.sluice.security.Principal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {
    static Principal with(String... scopes) {
        return new Principal("u", AuthMethod.OAUTH, Set.of(scopes), Map.of(), "u");
    }

    final AccessPolicy defaults = AccessPolicy.defaults();

    @Test
    void dataTools_needSqlRead() {
        for (String tool : List.of("test_connection", "list_sources", "list_tables", "describe_table", "text_to_sql",
                "execute_query", "fetch_query_results", "top_customers")) {
            assertThat(defaults.toolScopes(tool)).as(tool).containsExactly("sql:read");
        }
    }

    @Test
    void transact_needsSqlWrite_andReadDoesNotImplyWrite() {
        assertThat(defaults.toolScopes("transact")).containsExactly("sql:write");
        assertThat(defaults.decide(with("sql:read"), "transact", "lake")).isInstanceOf(Decision.Forbidden.class);
        assertThat(defaults.decide(with("sql:write"), "transact", "lake")).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void gatewayTools_needTheirTargetScope() {
        assertThat(defaults.toolScopes("cloudtrail___lookup_events")).containsExactly("gateway:cloudtrail");
        assertThat(defaults.decide(with("gateway:cloudtrail"), "cloudtrail___lookup_events", null)).isInstanceOf(Decision.Allowed.class);
        assertThat(defaults.decide(with("gateway:other"), "cloudtrail___lookup_events", null)).isInstanceOf(Decision.Forbidden.class);
    }

    @Test
    void starScope_andAnonymous_grantEverything() {
        assertThat(defaults.decide(with("*"), "transact", "lake")).isInstanceOf(Decision.Allowed.class);
        assertThat(defaults.decide(Principal.anonymous(), "x___y", null)).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void toolScopes_override_andSourceScopes_add() {
        AccessPolicy p = new AccessPolicy(Map.of("execute_query", List.of("analytics"), "search_tools", List.of()),
                Map.of("hr", List.of("pii:read")), "https://s.example/.well-known/oauth-protected-resource/mcp");
        assertThat(p.requiredScopes("execute_query", "hr")).containsExactly("analytics", "pii:read");
        assertThat(p.decide(with("analytics"), "execute_query", "lake")).isInstanceOf(Decision.Allowed.class);
        assertThat(p.decide(with(), "search_tools", null)).isInstanceOf(Decision.Allowed.class);

        Decision.Forbidden f = (Decision.Forbidden) p.decide(with("analytics"), "execute_query", "hr");
        assertThat(f.missing()).containsExactly("pii:read");
        assertThat(f.required()).containsExactly("analytics", "pii:read");
        assertThat(f.reason()).isEqualTo("insufficient_scope");
        assertThat(f.message()).isEqualTo("calling execute_query on source hr needs the scope pii:read which this credential"
                + " lacks; request a token (or key) that grants analytics pii:read");
        assertThat(f.wwwAuthenticate()).isEqualTo("Bearer error=\"insufficient_scope\", scope=\"analytics pii:read\", "
                + "resource_metadata=\"https://s.example/.well-known/oauth-protected-resource/mcp\", error_description=\""
                + f.message() + "\"");
    }

    @Test
    void visible_filtersToolsByToolScopesOnly() {
        AccessPolicy p = new AccessPolicy(Map.of(), Map.of("hr", List.of("pii:read")), null);
        Principal reader = with("sql:read");
        assertThat(p.visible(reader, "execute_query")).isTrue();
        assertThat(p.visible(reader, "transact")).isFalse();
        assertThat(p.visible(reader, "ops___run")).isFalse();
    }
}
