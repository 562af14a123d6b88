package dev.atomics.redis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redis Sentinels for tests ({@code redis-server <config> --sentinel}: no other binary), each on a free port of
 * 127.0.0.1 with a config file of its own in a temporary directory, watching one master named {@link #MASTER}.
 * Killed and their directories removed when closed.
 */
public final class Sentinels implements AutoCloseable {

    public static final String MASTER = "atomics";

    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    private Sentinels() {}

    /**
     * {@code count} Sentinels watching {@code master} with quorum {@code count / 2 + 1}, declaring it down after
     * {@code downAfter}.
     */
    public static Sentinels start(int count, RedisServer master, Duration downAfter) {
        Sentinels s = new Sentinels();
        try {
            for (int i = 0; i < count; i++) {
                int port = RedisServer.freePort();
                Path dir = Files.createTempDirectory("redis-sentinel-");
                Path config = dir.resolve("sentinel.conf");
                Files.writeString(
                        config,
                        String.join(
                                "\n",
                                "port " + port,
                                "bind 127.0.0.1",
                                "dir " + dir,
                                "sentinel monitor " + MASTER + " " + master.host() + " " + master.port() + " "
                                        + (count / 2 + 1),
                                "sentinel down-after-milliseconds " + MASTER + " " + downAfter.toMillis(),
                                "sentinel failover-timeout " + MASTER + " 10000",
                                "sentinel parallel-syncs " + MASTER + " 1",
                                ""));
                Process p = new ProcessBuilder(RedisServer.executable(), config.toString(), "--sentinel")
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("sentinel.log").toFile())
                        .start();
                s.ports.add(port);
                s.processes.add(p);
                s.dirs.add(dir);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "sentinels-killer"));
            for (int port : s.ports) {
                s.awaitPing(port);
            }
            return s;
        } catch (IOException e) {
            s.close();
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPing(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Resp resp = new Resp("127.0.0.1", port, Duration.ofMillis(500))) {
                if ("PONG".equals(resp.call("PING"))) {
                    return;
                }
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("sentinel on port " + port + " did not answer PING", e);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /**
     * The port of the master if every Sentinel reports the same one, else -1 (a failover in progress, or a Sentinel
     * that has not heard of its end yet).
     */
    public int agreedMasterPort() {
        int agreed = -1;
        for (int port : ports) {
            try (Resp resp = new Resp("127.0.0.1", port, Duration.ofSeconds(2))) {
                String[] parts =
                        resp.call("SENTINEL", "get-master-addr-by-name", MASTER).split("\n");
                int p = Integer.parseInt(parts[parts.length - 1].trim());
                if (agreed != -1 && p != agreed) {
                    return -1;
                }
                agreed = p;
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return agreed;
    }

    /**
     * Whether every Sentinel knows the replica on {@code replicaPort} with a non-zero priority, i.e. would promote
     * it. Sentinels refresh a replica's priority from its INFO (every 10 s while the master is up), so a
     * {@code CONFIG SET replica-priority} takes that long to count.
     */
    public boolean allSeePromotable(int replicaPort) {
        for (int port : ports) {
            try (Resp resp = new Resp("127.0.0.1", port, Duration.ofSeconds(2))) {
                // one flat list of name/value pairs, replica after replica (Resp flattens nested arrays)
                String[] f = resp.call("SENTINEL", "REPLICAS", MASTER).split("\n");
                boolean target = false;
                boolean promotable = false;
                for (int i = 0; i + 1 < f.length; i += 2) {
                    if (f[i].equals("name")) {
                        target = false;
                    } else if (f[i].equals("port")) {
                        target = f[i + 1].trim().equals(Integer.toString(replicaPort));
                    } else if (target && f[i].equals("slave-priority")) {
                        promotable = !f[i + 1].trim().equals("0");
                    }
                }
                if (!promotable) {
                    return false;
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /** The port of the master as the first Sentinel that answers sees it. */
    public int masterPort() {
        for (int port : ports) {
            try (Resp resp = new Resp("127.0.0.1", port, Duration.ofSeconds(2))) {
                String reply = resp.call("SENTINEL", "get-master-addr-by-name", MASTER);
                // Resp renders an array as its elements joined by newlines
                String[] parts = reply.split("\n");
                return Integer.parseInt(parts[parts.length - 1].trim());
            } catch (RuntimeException e) {
                // the next one
            }
        }
        throw new IllegalStateException("no Sentinel answers");
    }

    @Override
    public synchronized void close() {
        for (Process p : processes) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Path dir : dirs) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary directory
            }
        }
        processes.clear();
        dirs.clear();
    }
}
