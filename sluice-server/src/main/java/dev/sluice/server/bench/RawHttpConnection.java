package dev.sluice.server.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal keep-alive HTTP/1.1 client over one socket, used by the throughput benchmark so that
 * the load generator costs little CPU per call and the server's cost dominates what is measured.
 * It understands Content-Length and chunked bodies (SSE responses arrive chunked); plain http only.
 */
final class RawHttpConnection implements AutoCloseable {
    private final URI url;
    private final byte[] requestHead;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean serverWillClose;

    record Response(int status, String sessionId, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    RawHttpConnection(URI url, Map<String, String> headers) throws IOException {
        if (!"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("the raw client speaks plain http only: " + url);
        }
        this.url = url;
        int port = url.getPort() < 0 ? 80 : url.getPort();
        connect();
        StringBuilder head = new StringBuilder();
        head.append("POST ").append(url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
        if (url.getRawQuery() != null) {
            head.append('?').append(url.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(url.getHost()).append(':').append(port)
                .append("\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        requestHead = head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort()), 10_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        serverWillClose = false;
    }

    /**
     * POSTs {@code body} with the fixed headers plus {@code extraHeaders} (already "K: V\r\n"
     * lines). Servers may close kept-alive connections (Tomcat does every 100 requests), so a
     * connection closed before any response byte is reopened once.
     */
    Response post(byte[] body, String extraHeaders) throws IOException {
        if (serverWillClose) {
            socket.close();
            connect();
        }
        try {
            return send(body, extraHeaders);
        } catch (EOFException | java.net.SocketException e) {
            socket.close();
            connect();
            return send(body, extraHeaders);
        }
    }

    private Response send(byte[] body, String extraHeaders) throws IOException {
        out.write(requestHead);
        if (!extraHeaders.isEmpty()) {
            out.write(extraHeaders.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        String session = null;
        String header;
        while (!(header = line()).isEmpty()) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "mcp-session-id" -> session = value;
                case "connection" -> serverWillClose = value.toLowerCase(Locale.ROOT).contains("close");
                default -> {
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = readChunked();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
        } else if (status == 202 || status == 204) {
            body = new byte[0];
        } else {
            throw new IOException("response without length on a keep-alive connection");
        }
        return new Response(status, session, body);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        while (true) {
            String sizeLine = line();
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
