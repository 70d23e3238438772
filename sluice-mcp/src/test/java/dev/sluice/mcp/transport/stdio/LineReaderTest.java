package dev.sluice.mcp.transport.stdio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    private static LineReader reader(String text, int maxBytes) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes);
    }

    @Test
    void next_readsLfTerminatedLines() throws IOException {
        LineReader r = reader("one\ntwo\n", 100);
        assertThat(r.next()).isEqualTo(new LineReader.Line("one", false));
        assertThat(r.next()).isEqualTo(new LineReader.Line("two", false));
        assertThat(r.next()).isNull();
    }

    @Test
    void next_stripsCarriageReturnOfCrlf() throws IOException {
        LineReader r = reader("{\"a\":1}\r\n{\"b\":2}\r\n", 100);
        assertThat(r.next().text()).isEqualTo("{\"a\":1}");
        assertThat(r.next().text()).isEqualTo("{\"b\":2}");
        assertThat(r.next()).isNull();
    }

    @Test
    void next_returnsEmptyLines() throws IOException {
        LineReader r = reader("\n\r\nx\n", 100);
        assertThat(r.next().text()).isEmpty();
        assertThat(r.next().text()).isEmpty();
        assertThat(r.next().text()).isEqualTo("x");
    }

    @Test
    void next_returnsLastLineWithoutNewlineAtEof() throws IOException {
        LineReader r = reader("first\nlast", 100);
        assertThat(r.next().text()).isEqualTo("first");
        assertThat(r.next()).isEqualTo(new LineReader.Line("last", false));
        assertThat(r.next()).isNull();
    }

    @Test
    void next_returnsNullForEmptyInput() throws IOException {
        assertThat(reader("", 100).next()).isNull();
    }

    @Test
    void next_flagsOverLongLineAndKeepsReadingTheNextOne() throws IOException {
        LineReader r = reader("x".repeat(50) + "\nok\n", 10);
        LineReader.Line tooLong = r.next();
        assertThat(tooLong.tooLong()).isTrue();
        assertThat(tooLong.text()).isEmpty();
        assertThat(r.next()).isEqualTo(new LineReader.Line("ok", false));
        assertThat(r.next()).isNull();
    }

    @Test
    void next_flagsOverLongLineSpanningManyBufferFills() throws IOException {
        LineReader r = reader("y".repeat(100_000) + "\nnext\n", 1000);
        assertThat(r.next().tooLong()).isTrue();
        assertThat(r.next().text()).isEqualTo("next");
    }

    @Test
    void next_flagsOverLongLastLineWithoutNewline() throws IOException {
        LineReader r = reader("ok\n" + "z".repeat(20), 10);
        assertThat(r.next().text()).isEqualTo("ok");
        assertThat(r.next()).isEqualTo(new LineReader.Line("", true));
        assertThat(r.next()).isNull();
    }

    @Test
    void next_acceptsLineOfExactlyTheLimit() throws IOException {
        LineReader r = reader("abcdefghij\n", 10);
        assertThat(r.next()).isEqualTo(new LineReader.Line("abcdefghij", false));
    }

    @Test
    void next_decodesMultiByteCharactersSplitAcrossReads() throws IOException {
        String text = "é".repeat(10) + "\n";
        InputStream oneByteAtATime = new InputStream() {
            private final ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, Math.min(1, len));
            }
        };
        LineReader r = new LineReader(oneByteAtATime, 100);
        assertThat(r.next().text()).isEqualTo("é".repeat(10));
    }
}
