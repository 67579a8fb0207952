package dev.aiworkbench.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP/1.1 plumbing of {@link FakeOllama}: a raw socket per connection, so the fake controls every byte
 * (chunk boundaries, when the headers leave, closing mid-body) and sees at once when the client hangs up.
 *
 * <p>After a request has been read, one thread waits for the first byte of the next request on that connection.
 * If the read ends (EOF or reset) while the answer is still being written, the client went away: that is how the
 * fake notices a Stop without having to write first. Keep-alive, {@code Expect: 100-continue} and chunked request
 * bodies are supported; {@code Upgrade: h2c} is ignored, as Go's net/http does.
 */
final class FakeOllamaHttp {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int MAX_LINE = 64 * 1024;
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(204, "No Content"), Map.entry(301, "Moved Permanently"), Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(413, "Request Entity Too Large"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private FakeOllamaHttp() {
    }

    interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    /** Go's status line: the standard reason phrase, or "status code N" for codes it does not know (499). */
    static String statusLine(int status) {
        String reason = REASONS.get(status);
        return "HTTP/1.1 " + status + " " + (reason != null ? reason : "status code " + status);
    }

    /** One accepted socket, serving requests one after the other until either side closes. */
    static final class Connection implements Runnable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final Handler handler;
        private final Supplier<Instant> clock;
        private final Consumer<Connection> onClose;
        private final AtomicBoolean closed = new AtomicBoolean();

        Connection(Socket socket, Handler handler, Supplier<Instant> clock, Consumer<Connection> onClose) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            this.handler = handler;
            this.clock = clock;
            this.onClose = onClose;
            socket.setTcpNoDelay(true);
        }

        @Override
        public void run() {
            CompletableFuture<Integer> pending = null;
            try {
                while (!closed.get()) {
                    int first = pending == null ? in.read() : firstByte(pending);
                    if (first < 0) {
                        break;
                    }
                    Exchange exchange = readRequest(first);
                    if (exchange == null) {
                        break;
                    }
                    handler.handle(exchange);
                    if (!exchange.complete || exchange.closeAfter) {
                        break;
                    }
                    pending = exchange.next;
                }
            } catch (IOException | RuntimeException e) {
                // the peer went away or sent garbage: nothing to answer
            } finally {
                close();
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                onClose.accept(this);
            }
        }

        private static int firstByte(CompletableFuture<Integer> pending) {
            try {
                return pending.get();
            } catch (ExecutionException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** Starts the read-ahead of the next request's first byte; it doubles as the hang-up detector. */
        private CompletableFuture<Integer> readAhead() {
            CompletableFuture<Integer> next = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    next.complete(in.read());
                } catch (IOException | RuntimeException e) {
                    next.completeExceptionally(e);
                }
            }, "fake-ollama-read-ahead");
            reader.setDaemon(true);
            reader.start();
            return next;
        }

        private Exchange readRequest(int first) throws IOException {
            String requestLine = readLine(first);
            while (requestLine != null && requestLine.isEmpty()) { // RFC 9112: ignore CRLFs before a request
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                requestLine = readLine(b);
            }
            if (requestLine == null) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                writeRaw(statusLine(400) + "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"
                        + "400 Bad Request");
                return null;
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                String line = readLine(b);
                if (line == null) {
                    return null;
                }
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
            Exchange exchange = new Exchange(this, parts[0], parts[1], parts[2], headers);
            if ("100-continue".equalsIgnoreCase(exchange.header("Expect"))) {
                writeRaw(statusLine(100) + "\r\n\r\n");
            }
            exchange.body = readBody(exchange);
            if (exchange.body == null) {
                return null;
            }
            exchange.next = readAhead();
            return exchange;
        }

        private byte[] readBody(Exchange exchange) throws IOException {
            String transferEncoding = exchange.header("Transfer-Encoding");
            if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                while (true) {
                    int b = in.read();
                    String sizeLine = b < 0 ? null : readLine(b);
                    if (sizeLine == null) {
                        return null;
                    }
                    int semicolon = sizeLine.indexOf(';');
                    int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
                    if (size == 0) {
                        while (true) { // trailers
                            int t = in.read();
                            String trailer = t < 0 ? null : readLine(t);
                            if (trailer == null || trailer.isEmpty()) {
                                return body.toByteArray();
                            }
                        }
                    }
                    byte[] chunk = in.readNBytes(size);
                    if (chunk.length < size) {
                        return null;
                    }
                    body.write(chunk);
                    in.readNBytes(2);
                }
            }
            String length = exchange.header("Content-Length");
            if (length == null) {
                return new byte[0];
            }
            int n = Integer.parseInt(length.trim());
            byte[] body = in.readNBytes(n);
            return body.length == n ? body : null;
        }

        /** Reads one line (the first byte already read), without its CRLF; null at EOF. */
        private String readLine(int first) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b = first;
            while (b >= 0 && b != '\n') {
                line.write(b);
                if (line.size() > MAX_LINE) {
                    throw new IOException("header line too long");
                }
                b = in.read();
            }
            if (b < 0) {
                return null;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        private synchronized void writeRaw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    /** One request and its answer. Not thread-safe: one handler thread uses it. */
    static final class Exchange {
        final String method;
        final String target;
        final String path;
        final String query;
        final String version;
        final List<Map.Entry<String, String>> headers;
        byte[] body;
        CompletableFuture<Integer> next;

        private final Connection connection;
        private byte[] pendingHeaders;
        private boolean chunked;
        boolean complete;
        boolean closeAfter;
        private boolean aborted;

        Exchange(Connection connection, String method, String target, String version,
                 List<Map.Entry<String, String>> headers) {
            this.connection = connection;
            this.method = method;
            this.target = target;
            this.version = version;
            this.headers = List.copyOf(headers);
            int q = target.indexOf('?');
            String rawPath = q >= 0 ? target.substring(0, q) : target;
            if (rawPath.startsWith("http://") || rawPath.startsWith("https://")) { // absolute-form
                int slash = rawPath.indexOf('/', rawPath.indexOf("//") + 2);
                rawPath = slash >= 0 ? rawPath.substring(slash) : "/";
            }
            this.path = rawPath;
            this.query = q >= 0 ? target.substring(q + 1) : null;
            String connectionHeader = header("Connection");
            this.closeAfter = "HTTP/1.0".equals(version)
                    || (connectionHeader != null && connectionHeader.toLowerCase(Locale.ROOT).contains("close"));
        }

        /** The first value of a header, case-insensitively, or null. */
        String header(String name) {
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }

        boolean isHead() {
            return "HEAD".equals(method);
        }

        /** A complete answer with Content-Length (a HEAD gets the headers only). */
        void respond(int status, String contentType, byte[] body) throws IOException {
            respond(status, contentType, List.of(), body);
        }

        /** A complete answer with these headers too (e.g. retry-after), after the Content-Type. */
        void respond(int status, String contentType, Map<String, String> extraHeaders, byte[] body) throws IOException {
            respond(status, contentType, List.copyOf(extraHeaders.entrySet()), body);
        }

        /** A complete answer with the handler's own headers (e.g. retry-after) before Date and Content-Length. */
        void respond(int status, String contentType, List<Map.Entry<String, String>> extraHeaders, byte[] body)
                throws IOException {
            StringBuilder head = new StringBuilder(statusLine(status)).append("\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            for (Map.Entry<String, String> header : extraHeaders) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            // Go's order: the handler's headers, then Date, Content-Length, Connection, Transfer-Encoding
            head.append("Date: ").append(HTTP_DATE.format(connection.clock.get())).append("\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
            if (closeAfter) {
                head.append("Connection: close\r\n");
            }
            head.append("\r\n");
            synchronized (connection) {
                connection.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (!isHead()) {
                    connection.out.write(body);
                }
                connection.out.flush();
            }
            complete = true;
        }

        /** Prepares a chunked answer; the headers leave together with the first chunk. */
        void startChunked(int status, String contentType) {
            startChunked(status, contentType, Map.of());
        }

        /** A chunked answer with these headers too (e.g. Cache-Control for an event stream). */
        void startChunked(int status, String contentType, Map<String, String> extraHeaders) {
            StringBuilder head = new StringBuilder(statusLine(status)).append("\r\n");
            head.append("Content-Type: ").append(contentType).append("\r\n");
            extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Date: ").append(HTTP_DATE.format(connection.clock.get())).append("\r\n");
            if (closeAfter) {
                head.append("Connection: close\r\n");
            }
            head.append("Transfer-Encoding: chunked\r\n\r\n");
            pendingHeaders = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            chunked = true;
        }

        /** Writes one chunk (with the headers if they are still held back) and flushes it. */
        void writeChunk(byte[] data) throws IOException {
            if (!chunked) {
                throw new IllegalStateException("startChunked first");
            }
            synchronized (connection) {
                writePendingHeaders();
                connection.out.write(Integer.toHexString(data.length).getBytes(StandardCharsets.ISO_8859_1));
                connection.out.write(CRLF);
                connection.out.write(data);
                connection.out.write(CRLF);
                connection.out.flush();
            }
        }

        /** Ends a chunked answer with the zero-length chunk. */
        void endChunked() throws IOException {
            synchronized (connection) {
                writePendingHeaders();
                connection.out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                connection.out.flush();
            }
            complete = true;
        }

        /** Sends the held-back headers of a chunked answer now, without a chunk. */
        void flushHeaders() throws IOException {
            synchronized (connection) {
                writePendingHeaders();
                connection.out.flush();
            }
        }

        private void writePendingHeaders() throws IOException {
            if (pendingHeaders != null) {
                connection.out.write(pendingHeaders);
                pendingHeaders = null;
            }
        }

        /** Closes the socket now, whatever was written: the client sees the body end early. */
        void abort() {
            aborted = true;
            connection.close();
        }

        boolean aborted() {
            return aborted;
        }

        /** True once the client closed or reset the connection. */
        boolean clientGone() {
            if (!next.isDone()) {
                return false;
            }
            if (next.isCompletedExceptionally()) {
                return true;
            }
            return next.join() < 0;
        }

        /**
         * Waits for the given time unless the client goes away or the server stops first.
         *
         * @return true if the whole time passed with the client still there
         */
        boolean pause(Duration duration, BooleanSupplier serverClosed) {
            long deadline = System.nanoTime() + duration.toNanos();
            while (true) {
                if (serverClosed.getAsBoolean() || clientGone()) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                long slice = Math.min(left, TimeUnit.MILLISECONDS.toNanos(20));
                try {
                    if (next.isDone()) { // a pipelined request is waiting: just sleep
                        Thread.sleep(Duration.ofNanos(slice));
                    } else {
                        next.get(slice, TimeUnit.NANOSECONDS);
                    }
                } catch (TimeoutException | ExecutionException e) {
                    // loop: re-check
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }
}
