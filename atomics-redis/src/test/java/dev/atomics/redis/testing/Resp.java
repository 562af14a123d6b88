package dev.atomics.redis.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A minimal Redis client speaking RESP over a socket: what tests use to set up and check keys around the code
 * under test (no Lettuce, no Spring), as {@code redis-cli} would.
 */
public final class Resp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public Resp(String host, int port, Duration timeout) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to redis at " + host + ":" + port, e);
        }
    }

    /**
     * Sends one command and answers its reply: a simple string, a bulk string or an integer as text, {@code null}
     * for a nil reply; an array's elements joined by newlines.
     *
     * @throws IllegalStateException with the server's message for an error reply
     */
    public String call(String... command) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(("*" + command.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String arg : command) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                b.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                b.write(bytes);
                b.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(b.toByteArray());
            out.flush();
            return reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String reply() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+', ':' -> {
                return line;
            }
            case '-' -> throw new IllegalStateException(line);
            case '$' -> {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(n + 2);
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int n = Integer.parseInt(line);
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : "\n").append(reply());
                }
                return s.toString();
            }
            default -> throw new IOException("unexpected reply type " + type + " (connection closed?)");
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            b.write(c);
        }
        in.read(); // '\n'
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
