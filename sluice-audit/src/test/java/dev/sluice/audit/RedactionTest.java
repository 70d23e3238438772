package dev.sluice.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedactionTest {
    private final Redaction redaction = new Redaction(1_024);

    @Test
    void secretLookingKeys_areRedactedAtAnyDepth() {
        String json = "{\"sql\":\"select 1\",\"password\":\"p\",\"conn\":{\"API-Key\":\"k\",\"list\":[{\"client_secret\":\"s\"}],"
                + "\"accessToken\":{\"nested\":true},\"privateKeyPem\":\"x\",\"db_credentials\":[1,2],\"Authorization\":\"Basic x\",\"key\":\"v\"}}";

        assertThat(redaction.arguments(json)).isEqualTo("{\"sql\":\"select 1\",\"password\":\"[REDACTED]\",\"conn\":{"
                + "\"API-Key\":\"[REDACTED]\",\"list\":[{\"client_secret\":\"[REDACTED]\"}],\"accessToken\":\"[REDACTED]\","
                + "\"privateKeyPem\":\"[REDACTED]\",\"db_credentials\":\"[REDACTED]\",\"Authorization\":\"[REDACTED]\","
                + "\"key\":\"[REDACTED]\"}}");
    }

    @Test
    void bearerValues_areRedactedWhateverTheirKey() {
        assertThat(redaction.arguments("{\"h\":[\"Bearer abc\",\"plain\"],\"x\":\"bearer def\"}"))
                .isEqualTo("{\"h\":[\"[REDACTED]\",\"plain\"],\"x\":\"[REDACTED]\"}");
    }

    @Test
    void argumentsWithoutSecrets_areKeptVerbatim() {
        String json = "{ \"sql\" : \"select 1.50\", \"limit\": 10, \"keys\": [\"a\"] }";

        assertThat(redaction.arguments(json)).isSameAs(json);
        assertThat(Redaction.isSecretKey("monkey")).isTrue(); // ends in "key": a false positive we accept
        assertThat(Redaction.isSecretKey("keys")).isFalse();
        assertThat(Redaction.isSecretKey("source")).isFalse();
    }

    @Test
    void invalidJson_isReplacedWhole() {
        assertThat(redaction.arguments("{\"password\": \"hunter2\""))
                .isEqualTo("[REDACTED] (arguments were not valid JSON, 22 bytes)")
                .doesNotContain("hunter2");
        assertThat(redaction.arguments(null)).isNull();
    }

    @Test
    void longText_isTruncatedWithAMarker_withinTheByteBound() {
        String text = "é".repeat(2_000); // 4000 bytes

        String bounded = redaction.bound(text);

        assertThat(bounded).endsWith("…[truncated, 4000 bytes]").startsWith("ééé");
        assertThat(bounded.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_024);
        assertThat(redaction.bound("short")).isEqualTo("short");
    }

    @Test
    void truncation_neverSplitsASurrogatePair() {
        String text = "😀".repeat(1_000);

        String bounded = Redaction.truncate(text, 1_024);

        String kept = bounded.substring(0, bounded.indexOf('…'));
        assertThat(kept.codePoints()).allMatch(cp -> cp == 0x1F600);
    }

    @Test
    void hugeArguments_areRedactedThenTruncated() {
        String json = "{\"token\":\"t\",\"sql\":\"" + "x".repeat(5_000) + "\"}";

        String stored = redaction.arguments(json);

        assertThat(stored).startsWith("{\"token\":\"[REDACTED]\",\"sql\":\"xxx").contains("…[truncated, ");
    }

    @Test
    void apply_boundsEveryFreeTextField() {
        String big = "y".repeat(3_000);
        AuditRecord r = AuditRecords.full(AuditRecords.T0).toBuilder()
                .question(big).generatedSql(big).finalSql(big).error(big).summary(big).build();

        AuditRecord out = redaction.apply(r);

        for (String s : new String[] {out.question(), out.generatedSql(), out.finalSql(), out.error(), out.summary()}) {
            assertThat(s).endsWith("…[truncated, 3000 bytes]");
        }
        assertThat(out.principal()).isEqualTo(r.principal());
    }

    @Test
    void aTinyBound_isRefused() {
        assertThatThrownBy(() -> new Redaction(10)).hasMessage("max_argument_bytes must be at least 1024, got 10");
    }
}
