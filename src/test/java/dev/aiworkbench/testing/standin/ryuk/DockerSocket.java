package dev.aiworkbench.testing.standin.ryuk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The Docker Engine API over its Unix socket, one HTTP/1.0 request per connection: the engine answers HTTP/1.0
 * with a plain body and closes the connection, so no chunked decoding or connection reuse is needed here.
 */
final class DockerSocket {
    private final Path socket;

    DockerSocket(Path socket) {
        this.socket = socket;
    }

    /** The engine's answer: the HTTP status and the body as text. */
    record Response(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    Response send(String method, String pathAndQuery) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            String request = method + " " + pathAndQuery + " HTTP/1.0\r\nHost: docker\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(16 * 1024);
            while (channel.read(in) >= 0) {
                answer.write(in.array(), 0, in.position());
                in.clear();
            }
            return parse(answer.toString(StandardCharsets.UTF_8), method + " " + pathAndQuery);
        }
    }

    private static Response parse(String answer, String request) throws IOException {
        int headersEnd = answer.indexOf("\r\n\r\n");
        String[] statusLine = answer.lines().findFirst().orElse("").split(" ", 3);
        if (headersEnd < 0 || statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("The Docker engine's answer to " + request + " is not HTTP: "
                    + answer.substring(0, Math.min(200, answer.length())));
        }
        return new Response(Integer.parseInt(statusLine[1]), answer.substring(headersEnd + 4));
    }
}
