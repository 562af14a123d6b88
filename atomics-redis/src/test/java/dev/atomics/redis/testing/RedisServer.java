package dev.atomics.redis.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's, installed by {@code .ci/run}) on a free port of 127.0.0.1, without
 * persistence, for tests: started here, killed when closed or when the JVM exits. {@link #shared()} is one server
 * for every test of a JVM that only needs one; tests that kill, pause or restart their server start their own.
 */
public final class RedisServer implements AutoCloseable {

    private static RedisServer shared;

    private final int port;
    private final Path dir;
    private final List<String> extra;
    private Process process;

    private RedisServer(int port, List<String> extra) {
        this.port = port;
        this.extra = List.copyOf(extra);
        try {
            this.dir = Files.createTempDirectory("redis-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "redis-server-" + port + "-killer"));
    }

    /** The server every test of this JVM may share (distinct keys per test); started on first use. */
    public static synchronized RedisServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A new server on a free port, answering PING. */
    public static RedisServer start() {
        return start(List.of());
    }

    /** A new server on a free port with more options (e.g. {@code --replicaof host port}), answering PING. */
    public static RedisServer start(List<String> options) {
        RedisServer server = new RedisServer(freePort(), options);
        server.launch();
        return server;
    }

    /** The directory of its files (log, config), removed when closed. */
    public Path dir() {
        return dir;
    }

    /** Whether the process runs. */
    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts the server again on the same port with {@code options} instead of those it was started with. */
    public synchronized void restart(List<String> options) {
        kill();
        launch(options);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The process id, e.g. to pause it. */
    public long pid() {
        return process.pid();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String executable() {
        for (String dir :
                System.getenv().getOrDefault("PATH", "/usr/bin:/usr/local/bin").split(File.pathSeparator)) {
            File f = new File(dir, "redis-server");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        for (String f : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server")) {
            if (new File(f).canExecute()) {
                return f;
            }
        }
        throw new IllegalStateException("redis-server is not installed: the Redis tests run a real server"
                + " (apt-get install redis-server; .ci/run installs it)");
    }

    private synchronized void launch() {
        launch(extra);
    }

    private synchronized void launch(List<String> options) {
        Path log = dir.resolve("redis.log");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(
                    executable(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    host(),
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    dir.toString(),
                    "--daemonize",
                    "no"));
            command.addAll(options);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Resp resp = new Resp(host(), port, Duration.ofMillis(500))) {
                if ("PONG".equals(resp.call("PING"))) {
                    return;
                }
            } catch (RuntimeException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String output;
                    try {
                        output = Files.readString(log);
                    } catch (IOException io) {
                        output = "(no log: " + io + ")";
                    }
                    close();
                    throw new IllegalStateException(
                            "redis-server on port " + port + " did not answer PING: " + output, e);
                }
            }
            sleep(20);
        }
    }

    /** Kills the server at once (SIGKILL), as a crash would; nothing is saved. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            resume(); // a stopped process dies only once continued
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the server again on the same port, empty. */
    public synchronized void restart() {
        kill();
        launch();
    }

    /** Stops the process (SIGSTOP): connections stay open, nothing is answered, as on a hung server. */
    public void pause() {
        signal("STOP");
    }

    /** Continues a paused process (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A plain client of this server, independent of the code under test. */
    public Resp client() {
        return new Resp(host(), port, Duration.ofSeconds(5));
    }

    /** One command on a connection of its own: e.g. {@code call("GET", "k")}. */
    public String call(String... command) {
        try (Resp resp = client()) {
            return resp.call(command);
        }
    }

    /** Kills the server and removes its directory (its log). */
    @Override
    public synchronized void close() {
        kill();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover log in the temporary directory
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "redis-server on " + host() + ":" + port;
    }
}
