package dev.sluice.mcp.server;

import dev.sluice.mcp.ErrorCodes;
import dev.sluice.mcp.McpError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {
    private static final List<String> ITEMS = List.of("a", "b", "c", "d", "e");

    private static String cursorFor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void of_walksAllItemsByFollowingCursors() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<String> page = Page.of(ITEMS, cursor, 2);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(ITEMS);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void of_returnsEverythingWithoutCursorWhenOnePageSuffices() {
        Page<String> page = Page.of(ITEMS, null, 5);
        assertThat(page.items()).isEqualTo(ITEMS);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void of_handlesEmptyList() {
        Page<String> page = Page.of(List.of(), null, 10);
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void of_acceptsCursorAtTheEndOfAShrunkList() {
        String cursor = Page.of(ITEMS, null, 2).nextCursor();
        Page<String> page = Page.of(ITEMS.subList(0, 2), cursor, 2);
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "!!!", "o:1", ""})
    void of_rejectsForgedCursor(String cursor) {
        assertForged(cursor);
    }

    @Test
    void of_rejectsWellFormedCursorsOutOfRange() {
        assertForged(cursorFor("o:6"));
        assertForged(cursorFor("o:-1"));
        assertForged(cursorFor("o:abc"));
        assertForged(cursorFor("x:1"));
    }

    private static void assertForged(String cursor) {
        assertThatThrownBy(() -> Page.of(ITEMS, cursor, 2))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("cursor is not one this server issued")
                .satisfies(e -> assertThat(((McpError) e).code()).isEqualTo(ErrorCodes.INVALID_PARAMS));
    }
}
