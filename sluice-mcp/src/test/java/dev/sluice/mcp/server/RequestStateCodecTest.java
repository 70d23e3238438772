package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.FakeClock;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestStateCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final String BINDING = RequestStateCodec.binding("tools/call", "sample", "alice");

    private final FakeClock clock = new FakeClock();
    private final RequestStateCodec codec = new RequestStateCodec(KEY, clock, TTL);

    private static ObjectNode answers() {
        ObjectNode answers = Json.object();
        answers.putObject("k").put("role", "assistant").putObject("content").put("type", "text").put("text", "hi");
        return answers;
    }

    private static void assertRejected(Runnable open, String reason) {
        assertThatThrownBy(open::run)
                .isInstanceOf(McpError.class)
                .hasMessageContaining("requestState failed verification")
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((McpError) e).code()).isEqualTo(ErrorCodes.INVALID_PARAMS));
    }

    @Test
    void sealThenOpen_returnsTheSealedAnswers() {
        String token = codec.seal(BINDING, answers());
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(codec.open(BINDING, token)).isEqualTo(answers());
    }

    @Test
    void open_acceptsTokenFromAnotherCodecWithTheSameKey() {
        String token = new RequestStateCodec(KEY.clone(), clock, TTL).seal(BINDING, answers());
        assertThat(codec.open(BINDING, token)).isEqualTo(answers());
    }

    @Test
    void open_rejectsTokenSealedWithAnotherKey() {
        byte[] other = "ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.US_ASCII);
        String token = new RequestStateCodec(other, clock, TTL).seal(BINDING, answers());
        assertRejected(() -> codec.open(BINDING, token), "signature does not match");
    }

    @Test
    void open_rejectsTamperedBody() {
        String token = codec.seal(BINDING, answers());
        int dot = token.indexOf('.');
        String body = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String forged = body.replace("\"hi\"", "\"DROP TABLE\"");
        assertThat(forged).isNotEqualTo(body);
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
        assertRejected(() -> codec.open(BINDING, tampered), "signature does not match");
    }

    @Test
    void open_rejectsTamperedSignature() {
        String token = codec.seal(BINDING, answers());
        int dot = token.indexOf('.');
        char first = token.charAt(dot + 1);
        String tampered = token.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + token.substring(dot + 2);
        assertRejected(() -> codec.open(BINDING, tampered), "signature does not match");
    }

    @Test
    void open_rejectsTokenWithAppendedSuffix() {
        String token = codec.seal(BINDING, answers());
        assertRejected(() -> codec.open(BINDING, token + "-TAMPERED"), "signature does not match");
    }

    @Test
    void open_rejectsMalformedTokens() {
        assertRejected(() -> codec.open(BINDING, "no-dot-at-all"), "malformed");
        assertRejected(() -> codec.open(BINDING, ".startsWithDot"), "malformed");
        assertRejected(() -> codec.open(BINDING, "a.b.c"), "malformed");
        assertRejected(() -> codec.open(BINDING, "!!!.???"), "malformed");
    }

    @Test
    void open_rejectsTokenBoundToAnotherRequest() {
        String token = codec.seal(BINDING, answers());
        assertRejected(() -> codec.open(RequestStateCodec.binding("tools/call", "other-tool", "alice"), token),
                "belongs to a different request");
        assertRejected(() -> codec.open(RequestStateCodec.binding("tools/call", "sample", "mallory"), token),
                "belongs to a different request");
        assertRejected(() -> codec.open(RequestStateCodec.binding("prompts/get", "sample", "alice"), token),
                "belongs to a different request");
    }

    @Test
    void open_acceptsTokenUntilTtlAndRejectsItAfter() {
        String token = codec.seal(BINDING, answers());
        clock.advance(TTL);
        assertThat(codec.open(BINDING, token)).isEqualTo(answers());
        clock.advance(Duration.ofMillis(1));
        assertRejected(() -> codec.open(BINDING, token), "expired");
    }

    @Test
    void binding_separatesFieldsSoTheyCannotBeShifted() {
        assertThat(RequestStateCodec.binding("a", "bc", null))
                .isNotEqualTo(RequestStateCodec.binding("a", "b", "c"));
        assertThat(RequestStateCodec.binding("m", null, null)).isEqualTo(RequestStateCodec.binding("m", "", ""));
    }

    @Test
    void constructor_rejectsShortKey() {
        assertThatThrownBy(() -> new RequestStateCodec(new byte[15], clock, TTL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes");
    }
}
