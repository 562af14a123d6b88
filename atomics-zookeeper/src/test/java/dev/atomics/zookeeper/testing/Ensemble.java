package dev.atomics.zookeeper.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A ZooKeeper ensemble of separate processes: each server a child JVM running {@code QuorumPeerMain} from this
 * test class path, on free loopback ports, data and logs under {@code dir}. A server killed with SIGKILL
 * ({@link #kill}) is really gone; {@link #start} brings it back on the same data and ports.
 */
public final class Ensemble implements AutoCloseable {

    private final Path dir;
    private final int size;
    private final int[] clientPorts;
    private final Process[] servers;

    public Ensemble(Path dir, int size) throws IOException {
        this.dir = dir;
        this.size = size;
        this.clientPorts = new int[size];
        this.servers = new Process[size];
        int[] quorumPorts = new int[size];
        int[] electionPorts = new int[size];
        for (int i = 0; i < size; i++) {
            clientPorts[i] = freePort();
            quorumPorts[i] = freePort();
            electionPorts[i] = freePort();
        }
        for (int i = 0; i < size; i++) {
            Path data = Files.createDirectories(dir.resolve("server" + (i + 1)));
            Files.writeString(data.resolve("myid"), Integer.toString(i + 1));
            StringBuilder cfg = new StringBuilder()
                    .append("tickTime=500\ninitLimit=20\nsyncLimit=10\n")
                    .append("dataDir=")
                    .append(data)
                    .append('\n')
                    .append("clientPort=")
                    .append(clientPorts[i])
                    .append('\n')
                    .append("clientPortAddress=127.0.0.1\n")
                    .append("admin.enableServer=false\n4lw.commands.whitelist=srvr\n")
                    .append("maxSessionTimeout=60000\n");
            for (int j = 0; j < size; j++) {
                cfg.append("server.")
                        .append(j + 1)
                        .append("=127.0.0.1:")
                        .append(quorumPorts[j])
                        .append(':')
                        .append(electionPorts[j])
                        .append('\n');
            }
            Files.writeString(data.resolve("zoo.cfg"), cfg);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String connectString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ",").append("127.0.0.1:").append(clientPorts[i]);
        }
        return b.toString();
    }

    public void startAll() throws IOException {
        for (int i = 0; i < size; i++) {
            start(i);
        }
    }

    /** Starts server {@code i} (0-based) as a child JVM. */
    public void start(int i) throws IOException {
        Path data = dir.resolve("server" + (i + 1));
        String java = ProcessHandle.current().info().command().orElse("java");
        servers[i] = new ProcessBuilder(
                        java,
                        "-Xmx192m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dzookeeper.admin.enableServer=false",
                        "org.apache.zookeeper.server.quorum.QuorumPeerMain",
                        data.resolve("zoo.cfg").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        data.resolve("server.log").toFile()))
                .start();
    }

    /** SIGKILL of server {@code i}, waiting until the process is gone. */
    public void kill(int i) throws InterruptedException {
        servers[i].destroyForcibly();
        servers[i].waitFor();
    }

    /** The mode server {@code i} reports ({@code leader}, {@code follower}), or {@code null} if it does not serve. */
    public String mode(int i) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), clientPorts[i])) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("Mode: ")) {
                    return line.substring(6).trim();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The index of the leader, waiting up to {@code timeout} for one with a quorum of followers. */
    public int awaitLeader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int leader = -1;
            int followers = 0;
            for (int i = 0; i < size; i++) {
                String m = mode(i);
                if ("leader".equals(m)) {
                    leader = i;
                } else if ("follower".equals(m)) {
                    followers++;
                }
            }
            if (leader >= 0 && followers + 1 > size / 2) {
                return leader;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no leader with a quorum within " + timeout + "; logs under " + dir);
    }

    /** Waits until server {@code i} serves as a follower or leader. */
    public void awaitServing(int i, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String m = mode(i);
            if ("follower".equals(m) || "leader".equals(m)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "server " + (i + 1) + " did not rejoin within " + timeout + "; logs under " + dir);
    }

    @Override
    public void close() {
        List<Process> all = new ArrayList<>();
        for (Process p : servers) {
            if (p != null) {
                p.destroyForcibly();
                all.add(p);
            }
        }
        for (Process p : all) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException(e));
            }
        }
    }
}
