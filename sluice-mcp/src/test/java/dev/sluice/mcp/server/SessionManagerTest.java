package dev.sluice.mcp.server;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.FakeClock;
import dev.sluice.mcp.Json;
import dev.sluice.mcp.McpError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionManagerTest {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private final FakeClock clock = new FakeClock();
    private final SubscriptionHub hub = new SubscriptionHub();

    private SessionManager manager(int max) {
        return new SessionManager(clock, IDLE, max, hub);
    }

    private static Session open(SessionManager m) {
        return m.create("2025-11-25", Json.object().put("name", "t"), Json.object());
    }

    @Test
    void create_givesUnguessableDistinctIds() {
        SessionManager m = manager(100);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(open(m).id());
        }
        assertThat(ids).hasSize(50).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_-]{24}"));
        assertThat(m.size()).isEqualTo(50);
    }

    @Test
    void find_returnsTheSessionAndTouchesIt() {
        SessionManager m = manager(10);
        Session s = open(m);
        clock.advance(Duration.ofMinutes(5));
        assertThat(m.find(s.id())).containsSame(s);
        assertThat(s.lastActiveMillis()).isEqualTo(clock.millis());
        assertThat(m.find("no-such-session")).isEmpty();
    }

    @Test
    void evictIdle_closesSessionsIdleLongerThanTheTimeout() {
        SessionManager m = manager(10);
        Session idle = open(m);
        clock.advance(IDLE);
        Session fresh = open(m);
        assertThat(m.evictIdle()).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(m.evictIdle()).isEqualTo(1);
        assertThat(idle.isClosed()).isTrue();
        assertThat(m.find(idle.id())).isEmpty();
        assertThat(m.find(fresh.id())).containsSame(fresh);
        assertThat(m.size()).isEqualTo(1);
    }

    @Test
    void evictIdle_keepsSessionThatWasUsedRecently() {
        SessionManager m = manager(10);
        Session s = open(m);
        clock.advance(IDLE.minusMinutes(1));
        m.find(s.id());
        clock.advance(IDLE.minusMinutes(1));
        assertThat(m.evictIdle()).isZero();
        assertThat(s.isClosed()).isFalse();
    }

    @Test
    void evictIdle_keepsSessionWithRequestInFlight() {
        SessionManager m = manager(10);
        Session s = open(m);
        s.inFlight().started(IntNode.valueOf(1), new Cancellation());
        clock.advance(IDLE.plusMinutes(1));
        assertThat(m.evictIdle()).isZero();
        s.inFlight().finished(IntNode.valueOf(1));
        assertThat(m.evictIdle()).isEqualTo(1);
    }

    @Test
    void create_refusesBeyondTheCapWithServerBusy() {
        SessionManager m = manager(2);
        open(m);
        open(m);
        assertThatThrownBy(() -> open(m))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("Too many open sessions (2)")
                .hasMessageContaining("HTTP DELETE")
                .satisfies(e -> assertThat(((McpError) e).code()).isEqualTo(ErrorCodes.SERVER_BUSY));
        assertThat(m.size()).isEqualTo(2);
    }

    @Test
    void create_atTheCapEvictsIdleSessionsFirst() {
        SessionManager m = manager(1);
        Session old = open(m);
        clock.advance(IDLE.plusSeconds(1));
        Session next = open(m);
        assertThat(old.isClosed()).isTrue();
        assertThat(m.find(next.id())).containsSame(next);
        assertThat(m.size()).isEqualTo(1);
    }

    @Test
    void delete_closesSessionCancelsItsWorkAndForgetsIt() {
        SessionManager m = manager(10);
        Session s = open(m);
        Cancellation running = new Cancellation();
        s.inFlight().started(IntNode.valueOf(7), running);
        assertThat(m.delete(s.id())).isTrue();
        assertThat(s.isClosed()).isTrue();
        assertThat(running.isCancelled()).isTrue();
        assertThat(running.reason()).isEqualTo("session closed");
        assertThat(m.find(s.id())).isEmpty();
        assertThat(m.delete(s.id())).isFalse();
        assertThat(m.size()).isZero();
    }

    @Test
    void delete_removesTheSessionStreamFromTheHub() {
        SessionManager m = manager(10);
        Session s = open(m);
        boolean[] closed = {false};
        Subscriber stream = new Subscriber() {
            @Override
            public void offer(ServerEvent event) {
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        hub.add(stream);
        assertThat(s.attachStandaloneStream(stream)).isTrue();
        m.delete(s.id());
        assertThat(hub.size()).isZero();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void closeAll_closesEverySession() {
        SessionManager m = manager(10);
        Session a = open(m);
        Session b = open(m);
        m.closeAll();
        assertThat(a.isClosed()).isTrue();
        assertThat(b.isClosed()).isTrue();
        assertThat(m.size()).isZero();
    }
}
